/// Shares of a whole (规上 / 规下 output) as one stacked bar, with each part's value and share in
/// the legend. Parts that are zero, negative or missing cannot be a share and are left out.
struct CompositionChart {
    struct Part {
        let name: String
        let value: Double
    }

    var title: String
    var unit: String
    var parts: [Part]
    var width = 760.0
    var height = 120.0

    private let left = 16.0, right = 16.0, top = 16.0, barHeight = 40.0

    func render() -> Node {
        let parts = self.parts.filter { $0.value.isFinite && $0.value > 0 }
        let total = parts.map(\.value).reduce(0, +)
        guard total > 0 else { return ChartFrame.empty(width: width, height: height, title: title) }
        let plot = width - left - right
        var nodes: [Node] = []
        var x = left
        for (i, p) in parts.enumerated() {
            let share = p.value / total
            let w = share * plot
            let label = "\(p.name) \(Formatting.display(share * 100, kind: .percent))"
            nodes.append(.el("path", ["d": ChartFrame.rectPath(x: x, y: top, width: w, height: barHeight),
                                      "fill": ChartFrame.color(i), "class": "bar"],
                             .el("title", .text("\(p.name)：\(Formatting.money(p.value, unit: unit))"))))
            if Double(ColumnWidthEstimate.pixels(label, fontSize: 13)) + 12 < w {
                nodes.append(ChartFrame.text(label, x: x + w / 2, y: top + barHeight / 2 + 5, anchor: "middle", cls: "inbar"))
            }
            x += w
        }
        let names = parts.map { p in
            "\(p.name) \(Formatting.money(p.value, unit: unit))（\(Formatting.display(p.value / total * 100, kind: .percent))）"
        }
        nodes += ChartFrame.legend(names, x: left, y: top + barHeight + 28, maxWidth: plot)
        return ChartFrame.svg(width: width, height: height, title: title, nodes)
    }
}

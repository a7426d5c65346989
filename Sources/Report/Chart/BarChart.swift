/// Horizontal bars, largest first as given, with the category name on the left and the value at
/// the bar's end: horizontal because enterprise names are long.
struct BarChart {
    struct Item {
        let label: String
        let value: Double
    }

    var title: String
    var unit: String
    var items: [Item]
    var width = 760.0

    private let rowHeight = 26.0, top = 16.0, bottom = 40.0, right = 84.0

    var height: Double { top + Double(max(items.count, 4)) * rowHeight + bottom }

    func render() -> Node {
        let items = self.items.filter { $0.value.isFinite }
        guard !items.isEmpty else { return ChartFrame.empty(width: width, height: height, title: title) }
        let labels = items.map { BarChart.shortened($0.label) }
        let left = min(Double(labels.map { ColumnWidthEstimate.pixels($0, fontSize: 12) }.max() ?? 0) + 16, 300)
        let plotBottom = top + Double(items.count) * rowHeight
        let x = LinearScale(covering: items.map(\.value), tickCount: 5, from: left, to: width - right)

        var nodes: [Node] = []
        for t in x.ticks {
            nodes.append(ChartFrame.line(x(t), top, x(t), plotBottom, cls: t == 0 ? "axis" : "grid"))
            nodes.append(ChartFrame.text(x.label(t), x: x(t), y: plotBottom + 16, anchor: "middle", cls: "tick"))
        }
        nodes.append(ChartFrame.text("单位：" + unit, x: width - right, y: plotBottom + 34, anchor: "end", cls: "unit"))
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowHeight
            let x0 = x(0), x1 = x(item.value)
            nodes.append(ChartFrame.text(labels[i], x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end", cls: "label"))
            nodes.append(.el("path", ["d": ChartFrame.rectPath(x: min(x0, x1), y: y + 4, width: abs(x1 - x0), height: rowHeight - 8),
                                      "fill": ChartFrame.color(0), "class": "bar"],
                             .el("title", .text("\(item.label)：\(Formatting.money(item.value, unit: unit))"))))
            nodes.append(ChartFrame.text(Formatting.grouped(item.value, decimals: 2), x: max(x0, x1) + 6,
                                         y: y + rowHeight / 2 + 4, cls: "value"))
        }
        return ChartFrame.svg(width: width, height: height, title: title, nodes)
    }

    /// Names past 18 characters end in "…"; the tooltip keeps the full name.
    static func shortened(_ s: String) -> String { s.count > 18 ? String(s.prefix(17)) + "…" : s }
}

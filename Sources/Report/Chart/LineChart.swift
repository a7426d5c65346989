/// Lines over categories (months), one per series, with a y axis in `unit`, gridlines, point
/// markers with tooltips and a legend. A missing value breaks its line rather than dropping to 0.
struct LineChart {
    struct Series {
        let name: String
        let values: [Double?]
    }

    var title: String
    var unit: String
    var categories: [String]
    var series: [Series]
    var width = 760.0
    var height = 340.0

    private let left = 72.0, right = 20.0, top = 30.0, bottom = 64.0

    func render() -> Node {
        let all = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        guard !categories.isEmpty, !all.isEmpty else { return ChartFrame.empty(width: width, height: height, title: title) }
        let y = LinearScale(covering: all, from: height - bottom, to: top)
        let band = (width - left - right) / Double(categories.count)
        func x(_ i: Int) -> Double { left + (Double(i) + 0.5) * band }

        var nodes: [Node] = [ChartFrame.text(unit, x: left - 8, y: top - 12, anchor: "end", cls: "unit")]
        for t in y.ticks {
            nodes.append(ChartFrame.line(left, y(t), width - right, y(t), cls: t == 0 ? "axis" : "grid"))
            nodes.append(ChartFrame.text(y.label(t), x: left - 8, y: y(t) + 4, anchor: "end", cls: "tick"))
        }
        for (i, c) in categories.enumerated() {
            nodes.append(ChartFrame.text(c, x: x(i), y: height - bottom + 18, anchor: "middle", cls: "tick"))
        }
        for (s, line) in series.enumerated() {
            let color = ChartFrame.color(s)
            let d = LineChart.path(line.values.enumerated().map { i, v in v.flatMap { $0.isFinite ? (x(i), y($0)) : nil } })
            if !d.isEmpty {
                nodes.append(.el("path", ["d": d, "fill": "none", "stroke": color, "stroke-width": "2.5", "class": "series"]))
            }
            for (i, v) in line.values.enumerated() {
                guard let v, v.isFinite else { continue }
                nodes.append(.el("circle", ["cx": svgNumber(x(i)), "cy": svgNumber(y(v)), "r": "3.5", "fill": color],
                                 .el("title", .text("\(categories[i]) \(line.name)：\(Formatting.money(v, unit: unit))"))))
            }
        }
        nodes += ChartFrame.legend(series.map(\.name), x: left, y: height - 18, maxWidth: width - left - right)
        return ChartFrame.svg(width: width, height: height, title: title, nodes)
    }

    /// "M x y L x y …", starting a new subpath after each gap.
    static func path(_ points: [(Double, Double)?]) -> String {
        var d = "", pen = false
        for p in points {
            guard let (px, py) = p else { pen = false; continue }
            d += (pen ? "L" : "M") + svgNumber(px) + " " + svgNumber(py)
            pen = true
        }
        return d
    }
}

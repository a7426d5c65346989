/// What every chart shares: size, colours, the SVG root, the legend and the empty placeholder.
enum ChartFrame {
    /// Distinguishable in colour and in grey print.
    static let palette = ["#2f6fb5", "#e07b39", "#3a9d5d", "#b8403a", "#8e6bbf", "#8c6d31", "#d16ba5", "#5f7f8f"]

    static func color(_ i: Int) -> String { palette[i % palette.count] }

    /// The `<svg>` root: scales with its container, titled for screen readers.
    static func svg(width: Double, height: Double, title: String, _ children: [Node]) -> Node {
        .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(svgNumber(width)) \(svgNumber(height))",
                    "class": "chart", "role": "img", "aria-label": title],
            children: [.el("title", .text(title))] + children)
    }

    /// A chart with nothing to draw says so instead of showing empty axes (or failing).
    static func empty(width: Double, height: Double, title: String) -> Node {
        svg(width: width, height: height, title: title, [
            .el("rect", ["x": "0.5", "y": "0.5", "width": svgNumber(width - 1), "height": svgNumber(height - 1),
                         "class": "empty-frame"]),
            text("暂无数据", x: width / 2, y: height / 2, anchor: "middle", cls: "empty-label"),
        ])
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "") -> Node {
        .el("text", ["x": svgNumber(x), "y": svgNumber(y), "text-anchor": anchor, "class": cls], .text(s))
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) -> Node {
        .el("line", ["x1": svgNumber(x1), "y1": svgNumber(y1), "x2": svgNumber(x2), "y2": svgNumber(y2), "class": cls])
    }

    /// A closed rectangle as a path, so every mark of every chart is a `<path>`.
    static func rectPath(x: Double, y: Double, width: Double, height: Double) -> String {
        "M\(svgNumber(x)) \(svgNumber(y))H\(svgNumber(x + width))V\(svgNumber(y + height))H\(svgNumber(x))Z"
    }

    /// One row of swatches and names, starting at (x, y), wrapping at `maxWidth`.
    static func legend(_ names: [String], x: Double, y: Double, maxWidth: Double) -> [Node] {
        var nodes: [Node] = []
        var cx = x, cy = y
        for (i, name) in names.enumerated() {
            let w = 18 + Double(ColumnWidthEstimate.pixels(name, fontSize: 12)) + 16
            if cx + w > x + maxWidth && cx > x { cx = x; cy += 18 }
            nodes.append(.el("path", ["d": rectPath(x: cx, y: cy - 9, width: 12, height: 10), "fill": color(i)]))
            nodes.append(text(name, x: cx + 16, y: cy, cls: "legend"))
            cx += w
        }
        return [.el("g", ["class": "legend"], children: nodes)]
    }
}

/// Text width in pixels for layout: CJK glyphs are square, Latin digits about half as wide.
enum ColumnWidthEstimate {
    static func pixels(_ s: String, fontSize: Double) -> Int {
        var units = 0.0
        for scalar in s.unicodeScalars { units += scalar.value >= 0x1100 ? 1 : 0.6 }
        return Int((units * fontSize).rounded(.up))
    }
}

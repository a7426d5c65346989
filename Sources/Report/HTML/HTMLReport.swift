import Aggregate

/// 园区经济运行月报-YYYY-MM.html: one self-contained page (inline CSS and SVG, no script, no
/// fetched font or image) that opens offline, can be mailed, and prints on A4.
public enum HTMLReport {
    public static func fileName(period: String) -> String { "园区经济运行月报-\(period).html" }

    public static func render(_ summary: PeriodSummary) -> String { String(decoding: bytes(summary), as: UTF8.self) }

    static func bytes(_ summary: PeriodSummary) -> [UInt8] {
        let period = ReportPeriod(summary.period)
        let title = "\(summary.parkName)经济运行月报（\(period.display)）"
        let sections = HTMLSections(summary: summary)
        let page = Node.el("html", ["lang": "zh-CN"],
            .el("head",
                .el("meta", ["charset": "utf-8"]),
                .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .el("title", .text(title)),
                .el("style", .stylesheet(ReportCSS.css))),
            .el("body", .el("main", children: [
                .el("header", ["class": "report"],
                    .el("h1", .text(title)),
                    .el("p", ["class": "meta"], .text(
                        "应报企业 \(summary.expected) 家，已报 \(summary.reporting) 家；本年累计为\(period.ytdSpan)；金额单位：万元"))),
            ] + sections.all + [
                .el("footer", .text("由 parkstat 根据各企业报送的月报自动汇总生成。同比、环比基数缺失或不大于零时记“—”。")),
            ])))
        var out = Array("<!DOCTYPE html>\n".utf8)
        page.render(into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Writes atomically (temporary file, then rename).
    public static func write(_ summary: PeriodSummary, to path: String) throws {
        try OutputFile.write(bytes(summary), to: path)
    }
}

import Aggregate
import Rules

/// The report's sections, top to bottom. Tables come from `ReportTables`, so the page shows
/// the same figures as the workbook.
struct HTMLSections {
    let summary: PeriodSummary

    var all: [Node] {
        [kpis, summaryTable, trendChart, topEnterprises, composition, party, missing, findings, revisions]
    }

    private func section(_ id: String, _ heading: String, _ children: [Node]) -> Node {
        .el("section", ["id": id], children: [.el("h2", .text(heading))] + children)
    }

    private func figure(_ caption: String, _ chart: Node) -> Node {
        .el("figure", .el("figcaption", .text(caption)), chart)
    }

    // MARK: Indicators

    private struct Card {
        let label: String, value: String, unit: String
        var growth: [(String, Double?)] = []
        var sub: String?
    }

    private func render(_ c: Card) -> Node {
        var lines: [Node] = []
        for (name, g) in c.growth {
            let cls = g.map { $0 > 0 ? "up" : $0 < 0 ? "down" : "flat" } ?? "flat"
            lines.append(.el("span", ["class": cls], .text("\(name) \(Formatting.growth(g))")))
            lines.append(.text(" "))
        }
        if let sub = c.sub { lines.append(.text(sub)) }
        return .el("div", ["class": "card"],
                   .el("div", ["class": "label"], .text(c.label)),
                   .el("div", ["class": "value"], .text(c.value), .el("span", ["class": "unit"], .text(c.unit))),
                   .el("div", ["class": "sub"], children: lines))
    }

    private var kpis: Node {
        let ytdSpan = ReportPeriod(summary.period).ytdSpan
        func money(_ d: Double?) -> String { d.map { Formatting.grouped($0, decimals: 2) } ?? Formatting.unavailable }
        let output = summary.flows["gross_output"] ?? FlowTotal()
        let tax = summary.flows["tax_paid"] ?? FlowTotal()
        let revenue = summary.flows["revenue"] ?? FlowTotal()
        let staff = summary.stocks["employees_end"] ?? StockTotal()
        let cards = [
            Card(label: "工业总产值（本月）", value: money(output.cur), unit: "万元", growth: [("同比", output.yoyCur), ("环比", output.mom)]),
            Card(label: "工业总产值（\(ytdSpan)累计）", value: money(output.ytd), unit: "万元", growth: [("同比", output.yoyYtd)]),
            Card(label: "实缴税金（本月）", value: money(tax.cur), unit: "万元", growth: [("同比", tax.yoyCur), ("环比", tax.mom)]),
            Card(label: "实缴税金（\(ytdSpan)累计）", value: money(tax.ytd), unit: "万元", growth: [("同比", tax.yoyYtd)]),
            Card(label: "营业收入（\(ytdSpan)累计）", value: money(revenue.ytd), unit: "万元", growth: [("同比", revenue.yoyYtd)]),
            Card(label: "从业人员（期末）", value: staff.end.map { Formatting.grouped($0, decimals: 0) } ?? Formatting.unavailable,
                 unit: "人", growth: [("同比", staff.yoy)]),
            Card(label: "上报率", value: Formatting.percent(summary.reportingRate), unit: "",
                 sub: "已报 \(summary.reporting) 家 / 应报 \(summary.expected) 家"),
        ]
        return section("kpi", "主要指标", [.el("div", ["class": "cards"], children: cards.map(render))])
    }

    private var summaryTable: Node {
        let t = ReportTables.summary(summary)
        return section("summary", "指标汇总", [.el("p", ["class": "note"], .text(t.note)), HTMLTable.render(t)])
    }

    // MARK: Charts

    private var trendChart: Node {
        let chains = ReportTables.chainOrder(summary)
        let chart = LineChart(title: "各主导产业月度工业总产值", unit: "万元",
                              categories: summary.trend.map { ReportPeriod.monthLabel($0.period) },
                              series: chains.map { c in .init(name: c, values: summary.trend.map { $0.outputByChain[c] }) })
        return section("trend", "产值走势", [figure("各主导产业月度工业总产值（万元）", chart.render())])
    }

    static let topCount = 10

    private var topEnterprises: Node {
        let ranked = summary.enterprises
            .compactMap { e in e.values["gross_output.ytd"].map { BarChart.Item(label: e.name, value: $0) } }
            .sorted { $0.value > $1.value }
            .prefix(Self.topCount)
        let caption = "工业总产值（本年累计）前 \(Self.topCount) 位企业（万元）"
        return section("top", "重点企业", [figure(caption, BarChart(title: caption, unit: "万元", items: Array(ranked)).render())])
    }

    private var composition: Node {
        let parts = summary.byScale.compactMap { b in b.flows["gross_output"]?.ytd.map { CompositionChart.Part(name: b.key, value: $0) } }
        let caption = "规上 / 规下企业工业总产值构成（本年累计）"
        let breakdown = ReportTables.breakdowns(summary)
        return section("structure", "产业与规模结构", [
            figure(caption, CompositionChart(title: caption, unit: "万元", parts: parts).render()),
            .el("p", ["class": "note"], .text(breakdown.note)),
            HTMLTable.render(breakdown),
        ])
    }

    // MARK: Lists

    private var party: Node {
        let p = summary.party
        let cards = [
            Card(label: "党组织覆盖率", value: Formatting.percent(p.coverageRate), unit: "",
                 sub: "单建 \(p.singleBranch) 家，联建 \(p.jointBranch) 家"),
            Card(label: "单建率", value: Formatting.percent(p.singleBranchRate), unit: ""),
            Card(label: "党员人数", value: p.members.map { Formatting.grouped($0, decimals: 0) } ?? Formatting.unavailable, unit: "人"),
            Card(label: "党员占从业人员比重", value: Formatting.percent(p.memberShareOfEmployees), unit: ""),
        ]
        return section("party", "党建工作", [
            .el("p", ["class": "note"], .text("统计范围：\(p.scope.isEmpty ? "未说明" : p.scope)；组织覆盖率 =（单建 + 联建）÷ 范围内企业数")),
            .el("div", ["class": "cards"], children: cards.map(render)),
        ])
    }

    private var missing: Node {
        let t = ReportTables.missing(summary)
        let body: Node = t.rows.isEmpty ? .el("p", ["class": "ok"], .text("本月应报企业均已报送。")) : HTMLTable.render(t)
        return section("missing", "催报名单", [.el("p", ["class": "note"], .text(t.note)), body])
    }

    private var findings: Node {
        let sorted = ReportTables.sortedFindings(summary.findings)
        guard !sorted.isEmpty else {
            return section("findings", "校验问题", [.el("p", ["class": "ok"], .text("本月报送的文件未发现问题。"))])
        }
        let head = Node.el("thead", .el("tr", children: ["序号", "严重程度", "文件", "位置", "规则", "说明"].map { .el("th", .text($0)) }))
        let runs = CellRuns.collapse(sorted, cell: \.cell) { a, b in
            a.file == b.file && a.severity == b.severity && a.rule == b.rule && a.sheet == b.sheet && a.value == b.value
                && a.message == b.message
        }
        let rows = runs.enumerated().map { i, run -> Node in
            let f = run.item
            let cells = run.cells.isEmpty ? nil : run.cells.joined(separator: "、")
            let place = [f.sheet, cells].compactMap { $0 }.joined(separator: "!")
            return .el("tr", ["class": f.severity],
                       .el("td", ["class": "num"], .text(String(i + 1))),
                       .el("td", ["class": "severity"], .text(ReportTables.severityLabels[f.severity] ?? f.severity)),
                       .el("td", .text(f.file)), .el("td", .text(place)), .el("td", .text(f.rule)), .el("td", .text(f.message)))
        }
        let errors = sorted.filter { $0.severity == "error" }.count
        return section("findings", "校验问题", [
            .el("p", ["class": "note"], .text("共 \(sorted.count) 条，其中错误 \(errors) 条；错误在前"
                + (runs.count < sorted.count ? "；同一文件中只有单元格不同的合为一行。" : "。"))),
            .el("table", head, .el("tbody", children: rows)),
        ])
    }

    private var revisions: Node {
        guard !summary.revisions.isEmpty else { return .fragment([]) }
        let t = ReportTables.revisions(summary)
        return section("revisions", "更正记录", [.el("p", ["class": "note"], .text(t.note)), HTMLTable.render(t)])
    }
}

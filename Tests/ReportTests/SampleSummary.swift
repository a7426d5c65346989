import Aggregate
import Foundation

/// A July 2024 summary shaped like the park's: 14 enterprises expected, 13 reporting, output
/// Jan–Jul 27 346.2 万元 and 868 employees (DOMAIN.md §7), three 主导产业, findings of every
/// severity, one enterprise missing and one revision. Totals are summed from the enterprises so
/// the tables agree with each other as they would from the store.
enum SampleSummary {
    struct Firm {
        let name: String, chain: String, above: Bool, hitech: Bool, cur: Double, ytd: Double, staff: Double, party: Double
    }

    static let firms: [Firm] = [
        Firm(name: "巴中华芯<精密>&电子有限公司", chain: "电子信息", above: true, hitech: true, cur: 905.3, ytd: 6120.5, staff: 168, party: 6),
        Firm(name: "四川巴中讯联通信科技有限公司", chain: "电子信息", above: true, hitech: true, cur: 652.1, ytd: 4380.2, staff: 121, party: 4),
        Firm(name: "巴中临港智能终端制造有限公司", chain: "电子信息", above: true, hitech: false, cur: 570.4, ytd: 3895.6, staff: 110, party: 3),
        Firm(name: "巴中恒锐电路板有限公司", chain: "电子信息", above: true, hitech: true, cur: 401.2, ytd: 2710.3, staff: 86, party: 3),
        Firm(name: "巴中光启显示科技有限公司", chain: "电子信息", above: true, hitech: false, cur: 296.5, ytd: 1988.4, staff: 64, party: 2),
        Firm(name: "巴中新元电子元件有限公司", chain: "电子信息", above: true, hitech: false, cur: 180.2, ytd: 1245.7, staff: 45, party: 1),
        Firm(name: "巴中博瑞线缆有限公司", chain: "电子信息", above: false, hitech: false, cur: 125.6, ytd: 860.9, staff: 32, party: 1),
        Firm(name: "巴中秦巴山珍食品有限公司", chain: "食品饮料", above: true, hitech: false, cur: 240.3, ytd: 1650.8, staff: 72, party: 3),
        Firm(name: "四川巴山雀舌茶业有限公司", chain: "食品饮料", above: false, hitech: false, cur: 118.9, ytd: 905.4, staff: 41, party: 1),
        Firm(name: "巴中金银花饮品有限公司", chain: "食品饮料", above: false, hitech: false, cur: 70.2, ytd: 512.6, staff: 25, party: 0),
        Firm(name: "巴中石墨烯新材料有限公司", chain: "先进材料", above: true, hitech: true, cur: 208.7, ytd: 1420.5, staff: 48, party: 2),
        Firm(name: "巴中锦程新型建材有限公司", chain: "先进材料", above: false, hitech: false, cur: 160.4, ytd: 1108.3, staff: 39, party: 1),
        Firm(name: "巴中恒泰玄武岩纤维有限公司", chain: "先进材料", above: false, hitech: false, cur: 80.1, ytd: 547.0, staff: 17, party: 1),
    ]
    static let chains = ["电子信息", "食品饮料", "先进材料"]
    static let missing = EnterpriseRef(uscc: "91511900MA6XK2Q17Y", name: "巴中芯联微电子有限公司")
    /// Park output Jan–Jun; July is the firms' sum (4 009.9).
    static let monthly: [Double] = [3420.5, 3105.2, 3980.4, 4150.6, 4290.8, 4388.8]

    static func r2(_ d: Double) -> Double { (d * 100).rounded() / 100 }
    static func growth(_ cur: Double?, _ base: Double?) -> Double? {
        guard let cur, let base, base > 0 else { return nil }
        return r2((cur / base - 1) * 100)
    }
    static func uscc(_ i: Int) -> String { "9151190" + String(format: "%02d", i) + "MA6XK" + String(format: "%04d", 1000 + i * 7) }

    static func enterpriseValues(_ f: Firm) -> [String: Double] {
        [
            "gross_output.cur": f.cur, "gross_output.ytd": f.ytd,
            "gross_output.py_cur": r2(f.cur / 1.12), "gross_output.py_ytd": r2(f.ytd / 1.152),
            "sales_output.cur": r2(f.cur * 0.97), "sales_output.ytd": r2(f.ytd * 0.968),
            "revenue.cur": r2(f.cur * 1.05), "revenue.ytd": r2(f.ytd * 1.04),
            "tax_paid.cur": r2(f.cur * 0.011), "tax_paid.ytd": r2(f.ytd * 0.0105),
            "employees_end.end": f.staff, "party_members.end": f.party,
        ]
    }

    static func flow(_ key: String, _ firms: [Firm], prevCur: Double?) -> FlowTotal {
        let rows = firms.map(enterpriseValues)
        func sum(_ part: String) -> Double? {
            let v = rows.compactMap { $0["\(key).\(part)"] }
            return v.isEmpty ? nil : r2(v.reduce(0, +))
        }
        var t = FlowTotal()
        t.cur = sum("cur"); t.ytd = sum("ytd"); t.prevCur = prevCur
        t.pyCur = sum("py_cur") ?? t.cur.map { r2($0 / 1.09) }
        t.pyYtd = sum("py_ytd") ?? t.ytd.map { r2($0 / 1.11) }
        t.yoyCur = growth(t.cur, t.pyCur); t.yoyYtd = growth(t.ytd, t.pyYtd); t.mom = growth(t.cur, prevCur)
        t.comparableYoyYtd = t.yoyYtd.map { r2($0 - 0.8) }; t.comparableMom = t.mom
        return t
    }

    static func stock(_ key: String, _ firms: [Firm], py: Double?, prev: Double?) -> StockTotal {
        var s = StockTotal()
        s.end = firms.map(enterpriseValues).compactMap { $0["\(key).end"] }.reduce(0, +)
        s.pyEnd = py; s.prevEnd = prev
        s.yoy = growth(s.end, py); s.mom = growth(s.end, prev)
        return s
    }

    static func breakdown(_ key: String, _ firms: [Firm]) -> Breakdown {
        var b = Breakdown(key: key)
        b.enterprises = firms.count
        for k in ["gross_output", "sales_output", "revenue", "tax_paid"] { b.flows[k] = flow(k, firms, prevCur: nil) }
        b.stocks["employees_end"] = stock("employees_end", firms, py: nil, prev: nil)
        return b
    }

    static func make() -> PeriodSummary {
        var s = PeriodSummary(period: "2024-07", parkName: "巴中临港产业园")
        s.expected = 14; s.reporting = 13; s.acceptedRows = 13; s.rejectedEnterprises = 1
        s.reportingRate = r2(13.0 / 14 * 100)
        s.missing = [missing]
        s.flows["gross_output"] = flow("gross_output", firms, prevCur: monthly.last)
        s.flows["sales_output"] = flow("sales_output", firms, prevCur: 4251.2)
        s.flows["revenue"] = flow("revenue", firms, prevCur: 4590.3)
        s.flows["tax_paid"] = flow("tax_paid", firms, prevCur: 47.9)
        var export = FlowTotal()
        export.cur = 312.5; export.ytd = 1840.6; export.pyCur = 0; export.pyYtd = 1502.3; export.prevCur = 298.4
        export.yoyCur = nil  // 上年同期本月 was zero: no base, shown "—"
        export.yoyYtd = growth(1840.6, 1502.3); export.mom = growth(312.5, 298.4)
        s.flows["export_value"] = export
        s.stocks["employees_end"] = stock("employees_end", firms, py: 802, prev: 861)
        s.stocks["party_members"] = stock("party_members", firms, py: 25, prev: 28)

        s.byIndustryChain = chains.map { c in breakdown(c, firms.filter { $0.chain == c }) }
        s.byScale = [breakdown("规上", firms.filter(\.above)), breakdown("规下", firms.filter { !$0.above })]
        s.byHitech = [breakdown("高新", firms.filter(\.hitech)), breakdown("非高新", firms.filter { !$0.hitech })]
        s.byStatus = [breakdown("投产", firms)]

        let ytd = s.flows["gross_output"]!.ytd!
        s.ratios.salesRate = r2(s.flows["sales_output"]!.ytd! / ytd * 100)
        s.ratios.outputPerEmployee = r2(ytd / 868 * 12 / 7)
        s.ratios.taxToOutput = r2(s.flows["tax_paid"]!.ytd! / ytd * 100)
        s.ratios.outputPerMu = 45.82; s.ratios.taxPerMu = 0.48; s.ratios.landScopeEnterprises = 11

        s.party.scope = "投产企业 14 家"; s.party.scopeEnterprises = 14
        s.party.singleBranch = 3; s.party.jointBranch = 8
        s.party.singleBranchRate = r2(3.0 / 14 * 100); s.party.coverageRate = r2(11.0 / 14 * 100)
        s.party.members = 28; s.party.memberShareOfEmployees = r2(28.0 / 868 * 100)

        s.enterprises = firms.enumerated().map { i, f in
            var e = EnterpriseRow(uscc: uscc(i + 1), name: f.name, values: enterpriseValues(f),
                                  sourceFile: "2024-07/\(f.name)-2024年7月统计月报.xlsx", revision: i == 3 ? 2 : 1)
            e.industryChain = f.chain; e.aboveScale = f.above; e.hitech = f.hitech; e.status = "投产"
            return e
        }
        s.trend = trend(julyByChain: Dictionary(uniqueKeysWithValues: chains.map { c in
            (c, r2(firms.filter { $0.chain == c }.map(\.cur).reduce(0, +)))
        }))
        s.findings = [
            FindingRow(file: "2024-07/巴中恒泰玄武岩纤维有限公司-7月.xlsx", sheet: "Sheet1", cell: "D5", rule: "ytd.discontinuity",
                       severity: "warning", field: "gross_output", value: "547",
                       message: "本年累计 547.00 与上月累计 466.90 加本月 80.10 之和不符，请核实"),
            FindingRow(file: "2024-07/巴中芯联微电子有限公司.xlsx", sheet: "B204-1", cell: "C6", rule: "value.not_number",
                       severity: "error", field: "gross_output", value: "约1200", message: "工业总产值（本月）「约1200」不是数字"),
            FindingRow(file: "2024-07/巴中芯联微电子有限公司.xlsx", sheet: "B204-1", cell: "E6", rule: "export.exceeds_sales",
                       severity: "error", field: "export_value", value: "980", message: "出口交货值 980 大于工业销售产值 860"),
            FindingRow(file: "2024-07/巴中锦程新型建材有限公司.xlsx", sheet: "Sheet1", cell: nil, rule: "unit.converted",
                       severity: "info", field: nil, value: nil, message: "金额由千元换算为万元（÷10）"),
            FindingRow(file: "2024-07/巴中华芯<精密>&电子有限公司.xlsx", sheet: "月报", cell: "B3", rule: "enterprise.name_mismatch",
                       severity: "warning", field: "enterprise_name", value: "华芯精密电子, \"简称\"",
                       message: "企业名称「华芯精密电子」与名录中的「巴中华芯<精密>&电子有限公司」不一致"),
        ]
        s.revisions = [RevisionRow(uscc: uscc(4), name: "巴中恒锐电路板有限公司",
                                   supersededFile: "2024-07/巴中恒锐电路板有限公司-7月.xlsx",
                                   byFile: "2024-07/巴中恒锐电路板有限公司-7月(更正).xlsx",
                                   changes: ["gross_output.cur": [410.2, 401.2], "gross_output.ytd": [2719.3, 2710.3]])]
        return s
    }

    static func trend(julyByChain: [String: Double]) -> [MonthPoint] {
        let share = ["电子信息": 0.76, "食品饮料": 0.09, "先进材料": 0.15]
        var ytd = 0.0
        var points: [MonthPoint] = []
        for (i, cur) in monthly.enumerated() {
            ytd = r2(ytd + cur)
            let byChain = share.mapValues { r2(cur * $0) }
            points.append(MonthPoint(period: String(format: "2024-%02d", i + 1), reporting: i < 2 ? 12 : 13,
                                     values: ["gross_output.cur": cur, "gross_output.ytd": ytd,
                                              "tax_paid.cur": r2(cur * 0.0108), "employees_end.end": Double(840 + i * 4)],
                                     outputByChain: byChain))
        }
        let july = r2(julyByChain.values.reduce(0, +))
        points.append(MonthPoint(period: "2024-07", reporting: 13,
                                 values: ["gross_output.cur": july, "gross_output.ytd": r2(ytd + july),
                                          "tax_paid.cur": r2(july * 0.0108), "employees_end.end": 868],
                                 outputByChain: julyByChain))
        return points
    }
}

import Aggregate

/// The few lines a terminal shows after `run`: what the office reads first about the latest month.
public enum TextSummary {
    public static func lines(_ s: PeriodSummary) -> [String] {
        let period = ReportPeriod(s.period)
        var out = ["\(s.parkName) \(period.display)：应报 \(s.expected) 家，已报 \(s.reporting) 家（上报率 \(Formatting.percent(s.reportingRate))）"]
        if !s.missing.isEmpty {
            out.append("  未报（催报名单）：" + s.missing.map(\.name).joined(separator: "、"))
        }
        func flow(_ id: String, _ label: String) {
            guard let f = s.flows[id] else { return }
            out.append("  \(label)：本月 \(Formatting.money(f.cur))，\(period.ytdSpan)累计 \(Formatting.money(f.ytd))（累计同比 \(signed(f.yoyYtd))，环比 \(signed(f.mom))）")
        }
        flow("gross_output", "工业总产值")
        flow("tax_paid", "实缴税金")
        if let e = s.stocks["employees_end"]?.end {
            var line = "  从业人员 \(Formatting.display(e, kind: .integer)) 人"
            if let p = s.stocks["party_members"]?.end {
                line += "，党员 \(Formatting.display(p, kind: .integer)) 人（占 \(Formatting.percent(s.party.memberShareOfEmployees))）"
            }
            out.append(line)
        }
        if let per = s.ratios.outputPerEmployee {
            out.append("  人均产值 \(Formatting.display(per, kind: .decimal)) 万元/人·年，税收产出比 \(s.ratios.taxToOutput.map { Formatting.grouped($0, decimals: 2) + "%" } ?? Formatting.unavailable)")
        }
        let errors = s.findings.filter { $0.severity == "error" }.count
        let warnings = s.findings.filter { $0.severity == "warning" }.count
        out.append("  校验问题：错误 \(errors) 条，警告 \(warnings) 条")
        return out
    }

    /// "+12.0%", "-8.6%" or "—".
    static func signed(_ d: Double?) -> String {
        guard let d, d.isFinite else { return Formatting.unavailable }
        return (d > 0 ? "+" : "") + Formatting.percent(d)
    }
}

import Aggregate

/// The report's tables in sheet order. Each is built here once; the workbook, the CSV files and
/// the HTML report only render them.
public enum ReportTables {
    public static func all(_ s: PeriodSummary) -> [Table] {
        [summary(s), breakdowns(s), enterprises(s), trend(s), party(s), findings(s), missing(s), revisions(s)]
    }

    /// "巴中临港产业园经济运行月报（2024年7月）汇总"
    static func title(_ s: PeriodSummary, _ name: String) -> String {
        "\(s.parkName)经济运行月报（\(ReportPeriod(s.period).display)）\(name)"
    }

    static let growthNote = "同比、环比为增长率，基数缺失或不大于零时记“—”"

    /// 汇总: every flow and stock with its growth, then reporting counts and ratios.
    static func summary(_ s: PeriodSummary) -> Table {
        let period = ReportPeriod(s.period)
        var t = Table(name: "汇总", title: title(s, "汇总"),
                      note: "金额单位：万元；本年累计为\(period.ytdSpan)；亩均指标只计有用地面积的企业；\(growthNote)",
                      columns: [TableColumn("指标"), TableColumn("单位"), TableColumn("本月", .money),
                                TableColumn("本年累计", .money), TableColumn("本月同比", .percent),
                                TableColumn("累计同比", .percent), TableColumn("环比", .percent),
                                TableColumn("可比口径累计同比", .percent), TableColumn("可比口径环比", .percent)])
        for id in Indicators.ordered(s.flows.keys, known: Indicators.flows) {
            let f = Indicators.field(id), v = s.flows[id]!
            let own: ValueKind? = f.kind == .money ? nil : f.kind
            t.rows.append([.text(f.label), .text(f.unit), .value(v.cur, own), .value(v.ytd, own), .value(v.yoyCur),
                           .value(v.yoyYtd), .value(v.mom), .value(v.comparableYoyYtd), .value(v.comparableMom)])
        }
        for id in Indicators.ordered(s.stocks.keys, known: Indicators.stocks) {
            let f = Indicators.field(id), v = s.stocks[id]!
            t.rows.append([.text(f.label), .text(f.unit), .value(v.end, .integer), .blank, .value(v.yoy),
                           .blank, .value(v.mom), .blank, .blank])
        }
        func count(_ label: String, _ unit: String, _ n: Int) -> [TableCell] {
            [.text(label), .text(unit), .number(Double(n), .integer)] + Array(repeating: .blank, count: 6)
        }
        func ytdRatio(_ label: String, _ unit: String, _ v: Double?, _ kind: ValueKind) -> [TableCell] {
            [.text(label), .text(unit), .blank, .value(v, kind)] + Array(repeating: .blank, count: 5)
        }
        t.rows.append(count("应报企业数", "家", s.expected))
        t.rows.append(count("已报企业数", "家", s.reporting))
        t.rows.append(count("报表全部退回企业数", "家", s.rejectedEnterprises))
        t.rows.append(count("有效报表行数", "行", s.acceptedRows))
        t.rows.append([.text("上报率"), .text("%"), .value(s.reportingRate, .percent)] + Array(repeating: .blank, count: 6))
        t.rows.append(ytdRatio("产销率", "%", s.ratios.salesRate, .percent))
        t.rows.append(ytdRatio("人均产值", "万元/人·年", s.ratios.outputPerEmployee, .decimal))
        t.rows.append(ytdRatio("税收产出比", "%", s.ratios.taxToOutput, .percent))
        let land = "（\(s.ratios.landScopeEnterprises)家）"
        t.rows.append(ytdRatio("亩均产值" + land, "万元/亩", s.ratios.outputPerMu, .decimal))
        t.rows.append(ytdRatio("亩均税收" + land, "万元/亩", s.ratios.taxPerMu, .decimal))
        return t
    }

    /// 分产业: the four breakdowns in one filterable table, with each group's share of output.
    static func breakdowns(_ s: PeriodSummary) -> Table {
        var t = Table(name: "分产业", title: title(s, "分产业"),
                      note: "金额单位：万元；比重为占园区工业总产值（本年累计）的百分比；\(growthNote)",
                      columns: [TableColumn("分类"), TableColumn("类别"), TableColumn("上报企业数", .integer),
                                TableColumn("工业总产值(本月)", .money), TableColumn("工业总产值(本年累计)", .money),
                                TableColumn("产值累计同比", .percent), TableColumn("产值比重", .percent),
                                TableColumn("营业收入(本年累计)", .money), TableColumn("实缴税金(本年累计)", .money),
                                TableColumn("从业人员期末人数", .integer)])
        let totalOutput = s.flows["gross_output"]?.ytd
        let dimensions: [(String, [Breakdown])] = [("主导产业", s.byIndustryChain), ("规模", s.byScale),
                                                   ("高新技术企业", s.byHitech), ("企业状态", s.byStatus)]
        for (dimension, groups) in dimensions {
            for g in groups {
                let output = g.flows["gross_output"]
                var share: Double?
                if let ytd = output?.ytd, let totalOutput, totalOutput > 0 { share = ytd / totalOutput * 100 }
                t.rows.append([.text(dimension), .text(g.key), .number(Double(g.enterprises)), .value(output?.cur),
                               .value(output?.ytd), .value(output?.yoyYtd), .value(share),
                               .value(g.flows["revenue"]?.ytd), .value(g.flows["tax_paid"]?.ytd),
                               .value(g.stocks["employees_end"]?.end)])
            }
        }
        return t
    }

    /// 企业明细: one row per reporting enterprise with every accepted figure.
    static func enterprises(_ s: PeriodSummary) -> Table {
        let keys = Indicators.orderedKeys(s.enterprises.flatMap(\.values.keys))
        func yesNo(_ b: Bool?) -> TableCell { b.map { .text($0 ? "是" : "否") } ?? .blank }
        var t = Table(name: "企业明细", title: title(s, "企业明细"),
                      note: "金额单位：万元；共 \(s.enterprises.count) 家企业；版本大于 1 表示企业报送过更正文件",
                      columns: [TableColumn("统一社会信用代码"), TableColumn("企业名称"), TableColumn("主导产业"),
                                TableColumn("规上"), TableColumn("高新"), TableColumn("企业状态")]
                          + keys.map { TableColumn(Indicators.header(forKey: $0), Indicators.kind(forKey: $0)) }
                          + [TableColumn("来源文件"), TableColumn("版本", .integer)])
        for e in s.enterprises {
            t.rows.append([.text(e.uscc), .text(e.name), .text(e.industryChain), yesNo(e.aboveScale), yesNo(e.hitech),
                           .text(e.status)]
                          + keys.map { e.values[$0].map { TableCell.number($0) } ?? .blank }
                          + [.text(e.sourceFile), .number(Double(e.revision))])
        }
        return t
    }

    /// 月度趋势: the park's totals month by month, then output by 主导产业.
    static func trend(_ s: PeriodSummary) -> Table {
        let keys = Indicators.orderedKeys(s.trend.flatMap(\.values.keys))
        let chains = chainOrder(s)
        var t = Table(name: "月度趋势", title: title(s, "月度趋势"), note: "金额单位：万元；各月为当月园区合计",
                      columns: [TableColumn("月份"), TableColumn("上报企业数", .integer)]
                          + keys.map { TableColumn(Indicators.header(forKey: $0), Indicators.kind(forKey: $0)) }
                          + chains.map { TableColumn("工业总产值(本月)·" + $0, .money) })
        for p in s.trend {
            t.rows.append([.text(p.period), .number(Double(p.reporting))]
                          + keys.map { TableCell.value(p.values[$0]) }
                          + chains.map { p.outputByChain[$0].map { TableCell.number($0) } ?? .blank })
        }
        return t
    }

    /// Chains in the order of the summary's breakdown, then any only the trend knows, sorted.
    static func chainOrder(_ s: PeriodSummary) -> [String] {
        let known = s.byIndustryChain.map(\.key)
        let others = Set(s.trend.flatMap(\.outputByChain.keys)).subtracting(known).sorted()
        return known.filter { k in s.trend.contains { $0.outputByChain[k] != nil } } + others
    }
}

import Aggregate
import Testing
@testable import Report

/// The tables every output renders: their shape, order and formatting.
@Suite struct TableTests {
    let summary = SampleSummary.make()

    @Test func tablesInSheetOrder() {
        #expect(ReportTables.all(summary).map(\.name)
                == ["汇总", "分产业", "企业明细", "月度趋势", "党建", "校验问题", "催报名单", "更正记录"])
    }

    @Test func everyRowHasOneCellPerColumn() {
        for t in ReportTables.all(summary) {
            #expect(t.rows.allSatisfy { $0.count == t.columns.count }, "\(t.name)")
        }
    }

    @Test func summaryShowsFlowsWithGrowthAndDashForNil() {
        let t = ReportTables.summary(summary)
        #expect(t.title == "巴中临港产业园经济运行月报（2024年7月）汇总")
        let output = t.rows[0]
        #expect(output[0] == .text("工业总产值"))
        #expect(output[3] == .number(27346.2, nil))
        let export = t.rows.first { $0[0] == .text("出口交货值") }!
        #expect(export[4] == .unavailable)
        let staff = t.rows.first { $0[0] == .text("从业人员期末人数") }!
        #expect(staff[2] == .number(868, .integer))
        #expect(staff[3] == .blank)
    }

    @Test func findingsErrorsFirstThenWarningsThenInfo() {
        let t = ReportTables.findings(summary)
        #expect(t.rows.map { $0[1] } == [.text("错误"), .text("错误"), .text("警告"), .text("警告"), .text("提示")])
        #expect(t.rows[0][5] == .text("value.not_number"))
    }

    @Test func enterpriseColumnsFollowTheSchemaOrder() {
        let t = ReportTables.enterprises(summary)
        #expect(t.rows.count == 13)
        #expect(Array(t.columns.map(\.header).prefix(8))
                == ["统一社会信用代码", "企业名称", "主导产业", "规上", "高新", "企业状态", "工业总产值(本月)", "工业总产值(本年累计)"])
        #expect(t.columns.last?.header == "版本")
    }

    @Test func trendHasAColumnPerChain() {
        let t = ReportTables.trend(summary)
        #expect(t.rows.count == 7)
        #expect(t.columns.suffix(3).map(\.header) == ["工业总产值(本月)·电子信息", "工业总产值(本月)·食品饮料", "工业总产值(本月)·先进材料"])
    }

    @Test func revisionsOneRowPerChangedValue() {
        let t = ReportTables.revisions(summary)
        #expect(t.rows.count == 2)
        #expect(t.rows[0][4] == .text("工业总产值(本月)"))
        #expect(t.rows[0][5] == .number(410.2, .money))
    }

    @Test func chineseNumberFormatting() {
        #expect(Formatting.grouped(27346.2, decimals: 2) == "27,346.20")
        #expect(Formatting.grouped(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(Formatting.grouped(-1234.5, decimals: 2) == "-1,234.50")
        #expect(Formatting.grouped(-0.001, decimals: 2) == "0.00")
        #expect(Formatting.grouped(999, decimals: 0) == "999")
        #expect(Formatting.money(27346.2) == "27,346.20 万元")
        #expect(Formatting.money(nil) == "—")
        #expect(Formatting.growth(15.234) == "+15.2%")
        #expect(Formatting.growth(-4) == "-4.0%")
        #expect(Formatting.growth(nil) == "—")
    }

    @Test func emptySummaryStillGivesEveryTable() {
        let tables = ReportTables.all(PeriodSummary(period: "2024-01", parkName: "巴中临港产业园"))
        #expect(tables.count == 8)
        #expect(tables.allSatisfy { t in t.rows.allSatisfy { $0.count == t.columns.count } })
    }
}

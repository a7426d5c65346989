import Aggregate
import Testing
@testable import Report

@Suite struct TextSummaryTests {
    @Test func latestMonthInAFewLines() {
        let lines = TextSummary.lines(SampleSummary.make())
        #expect(lines[0].hasPrefix("巴中临港产业园 2024年7月：应报 14 家，已报 13 家"))
        #expect(lines.contains { $0.contains("未报（催报名单）") })
        #expect(lines.contains { $0.contains("工业总产值") && $0.contains("1—7月累计 27,346.20 万元") })
        #expect(lines.contains { $0.contains("从业人员 868 人") })
        #expect(TextSummary.signed(nil) == "—")
        #expect(TextSummary.signed(12) == "+12.0%")
    }
}

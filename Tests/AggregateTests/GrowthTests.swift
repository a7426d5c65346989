import Aggregate
import Foundation
import Rules
import Store
import Testing
import TestSupport

/// Three enterprises over 2023-06, 2024-05 and 2024-06, with growth computed by hand:
/// A reports its 上年同期 columns, B does not (the base is its stored 2023-06 row), C is new.
@Suite struct GrowthTests {
    static let a = "91511903PDY00001X4", b = "91511903PDY0000284", c = "91511903PDY000036Y"

    func makeStore() throws -> (Store, URL) {
        let dir = try Fixtures.temporaryDirectory()
        let store = try Store(path: dir.appendingPathComponent("t.sqlite").path)
        let registry = Registry([
            .init(uscc: Self.a, name: "甲", status: "投产", values: ["industry_chain": "电子信息", "above_scale": "是", "land_area_mu": "10", "party_org_type": "单建"]),
            .init(uscc: Self.b, name: "乙", status: "投产", values: ["industry_chain": "电子信息", "above_scale": "否", "party_org_type": "联建"]),
            .init(uscc: Self.c, name: "丙", status: "投产", values: ["industry_chain": "食品饮料", "above_scale": "否"]),
        ])
        let snap = try store.snapshot(registry: registry, sha256: "registry", path: "企业名录.xlsx")
        var n = 0
        func put(_ uscc: String, _ period: String, _ facts: [String: [String: Double]]) throws {
            n += 1
            let s = Submission(uscc: uscc, name: "x", period: period, facts: facts, sheet: "月报", row: 5)
            try store.record(FileReport(path: "f\(n).xlsx", status: .accepted, findings: [], submissions: [s], period: period),
                             sha256: "h\(n)", size: 1, snapshotID: snap)
        }
        try put(Self.b, "2023-06", ["gross_output": ["cur": 50, "ytd": 300], "employees_end": ["end": 25]])
        try put(Self.a, "2024-05", ["gross_output": ["cur": 100, "ytd": 480], "employees_end": ["end": 9]])
        try put(Self.b, "2024-05", ["gross_output": ["cur": 90, "ytd": 320], "employees_end": ["end": 21]])
        try put(Self.a, "2024-06", ["gross_output": ["cur": 120, "ytd": 600, "py_cur": 100, "py_ytd": 500],
                                    "employees_end": ["end": 10, "py_end": 8], "tax_paid": ["cur": 1, "ytd": 6, "py_cur": 0]])
        try put(Self.b, "2024-06", ["gross_output": ["cur": 80, "ytd": 400], "employees_end": ["end": 20]])
        try put(Self.c, "2024-06", ["gross_output": ["cur": 30, "ytd": 30], "employees_end": ["end": 5]])
        return (store, dir)
    }

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func yearOnYearAndMonthOnMonth() throws {
        let (store, dir) = try makeStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Aggregator(store: store).summary(period: "2024-06")
        let g = try #require(s.flows["gross_output"])
        #expect(g.cur == 230 && g.ytd == 1030)
        #expect(close(g.yoyCur, (230.0 - 150) / 150 * 100))          // bases: A reported 100, B stored 50
        #expect(close(g.yoyYtd, (1030.0 - 800) / 800 * 100))
        #expect(close(g.comparableYoyYtd, 25))                         // A and B only: 1000 vs 800
        #expect(close(g.mom, (230.0 - 190) / 190 * 100))
        #expect(close(g.comparableMom, (200.0 - 190) / 190 * 100))
        let staff = try #require(s.stocks["employees_end"])
        #expect(close(staff.yoy, (35.0 - 33) / 33 * 100))
        #expect(close(staff.mom, (35.0 - 30) / 30 * 100))
        // A base of 0 gives no rate ("—"), never infinity.
        #expect(s.flows["tax_paid"]?.yoyCur == nil)
        #expect(s.flows["tax_paid"]?.mom == nil)
        // Breakdowns, 亩均 on the enterprises with land area, party coverage over 投产.
        #expect(s.byIndustryChain.map(\.key) == ["电子信息", "食品饮料"])
        #expect(s.byIndustryChain[0].flows["gross_output"]?.cur == 200)
        #expect(close(s.byIndustryChain[0].flows["gross_output"]?.mom, (200.0 - 190) / 190 * 100))
        #expect(s.byScale.map(\.key) == ["规上", "规下"] && s.byScale[0].enterprises == 1)
        #expect(s.ratios.landScopeEnterprises == 1 && close(s.ratios.outputPerMu, 60))
        #expect(close(s.party.coverageRate, 2.0 / 3 * 100) && close(s.party.singleBranchRate, 1.0 / 3 * 100))
        #expect(s.missing.isEmpty && s.reportingRate == 100)
        let may = try Aggregator(store: store).summary(period: "2024-05")
        #expect(may.missing.map(\.uscc) == [Self.c])
        #expect(may.flows["gross_output"]?.yoyCur == nil)             // no base for May at all
    }

    @Test func revisionReplacesFiguresAndIsListed() throws {
        let (store, dir) = try makeStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Submission(uscc: Self.b, name: "乙", period: "2024-06", facts: ["gross_output": ["cur": 85, "ytd": 405]], sheet: "月报", row: 5)
        try store.record(FileReport(path: "乙-更正.xlsx", status: .accepted, findings: [], submissions: [s], period: "2024-06"),
                         sha256: "fix", size: 1, snapshotID: nil)
        let summary = try Aggregator(store: store).summary(period: "2024-06")
        #expect(summary.flows["gross_output"]?.cur == 235)
        #expect(summary.reporting == 3 && summary.acceptedRows == 3)
        #expect(summary.revisions.count == 1)
        let r = summary.revisions[0]
        #expect(r.supersededFile == "f5.xlsx" && r.byFile == "乙-更正.xlsx")
        #expect(r.changes["gross_output.cur"] == [80, 85])
        #expect(r.changes["employees_end.end"] == [20, nil])
        #expect(summary.enterprises.first { $0.uscc == Self.b }?.revision == 2)
        #expect(summary.summaryJSON().contains(#""revisions":1"#))
    }
}

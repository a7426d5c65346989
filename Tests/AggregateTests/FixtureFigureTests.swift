import Aggregate
import Foundation
import Rules
import Store
import Testing
import TestSupport

/// The whole fixture inbox stored once, month by month as `run` does.
final class FixtureStore: Sendable {
    static let shared: FixtureStore = try! FixtureStore()
    let dir: URL
    let store: Store

    private init() throws {
        dir = try Fixtures.temporaryDirectory()
        store = try Store(path: dir.appendingPathComponent("parkstat.sqlite").path)
        let schema = try Schema.defaultSchema()
        let registryPath = Fixtures.path("inbox/企业名录.xlsx")
        let registry = try Registry.read(Validator.readWorkbook(registryPath), schema: schema)
        let ingestor = try Ingestor(store: store, schema: schema, registry: registry, registryPath: registryPath)
        for m in Ingestor.monthFolders(inbox: Fixtures.path("inbox")) { _ = try ingestor.ingest(files: m.files, period: m.period) }
    }
}

@Suite struct FixtureFigureTests {
    let aggregator = Aggregator(store: FixtureStore.shared.store)

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-6 } ?? false }

    @Test func year2023OutputAndTax() throws {
        let s = try aggregator.summary(period: "2023-12")
        #expect(close(s.flows["gross_output"]?.ytd, 90_560))
        #expect(close(s.flows["tax_paid"]?.ytd, 253.41))
        #expect(s.reporting == 14)
        #expect(close(s.ratios.taxToOutput, 253.41 / 90_560 * 100))
        #expect(String(format: "%.2f", s.ratios.taxToOutput!) == "0.28")
    }

    @Test func july2024Figures() throws {
        let s = try aggregator.summary(period: "2024-07")
        #expect(close(s.flows["gross_output"]?.ytd, 27_346.2))
        #expect(close(s.stocks["employees_end"]?.end, 868))
        #expect(close(s.stocks["party_members"]?.end, 28))
        #expect(s.expected == 14)
        #expect(s.reporting == 13)
        #expect(s.missing == [EnterpriseRef(uscc: "91511903PDY000036Y", name: "巴中启辰智能终端有限公司")])
        #expect(close(s.ratios.outputPerEmployee, 27_346.2 / 868 * 12 / 7))
        #expect(String(format: "%.1f", s.ratios.outputPerEmployee!) == "54.0")
        #expect(close(s.party.memberShareOfEmployees, 28.0 / 868 * 100))
        #expect(String(format: "%.1f", s.party.memberShareOfEmployees!) == "3.2")
        #expect(s.party.singleBranch == 4 && s.party.jointBranch == 5 && s.party.scopeEnterprises == 14)
        #expect(s.rejectedEnterprises == 0)
        #expect(s.revisions.isEmpty)
        #expect(s.trend.map(\.period) == (1...7).map { "2024-0\($0)" })
        #expect(close(s.trend.last?.values["gross_output.ytd"], 27_346.2))
        // Breakdowns add up to the park.
        let chains = s.byIndustryChain.compactMap { $0.flows["gross_output"]?.ytd }.reduce(0, +)
        #expect(close(chains, 27_346.2))
        #expect(s.byScale.map(\.enterprises).reduce(0, +) == 13)
        #expect(s.enterprises.count == 13)
    }

    @Test func growthAgainstReportedPriorYear() throws {
        let s = try aggregator.summary(period: "2024-07")
        let g = try #require(s.flows["gross_output"])
        // Hand check: the same ratio from the stored rows' own py_ytd.
        let rows = try FixtureStore.shared.store.currentSubmissions(period: "2024-07")
        let base = rows.compactMap { $0.facts["gross_output"]?["py_ytd"] }.reduce(0, +)
        #expect(close(g.yoyYtd, (27_346.2 - base) / base * 100))
        let june = try FixtureStore.shared.store.currentSubmissions(period: "2024-06")
        let juneCur = june.compactMap { $0.facts["gross_output"]?["cur"] }.reduce(0, +)
        #expect(close(g.mom, (g.cur! - juneCur) / juneCur * 100))
    }

    @Test func summaryJSONHasSection8KeysAndIsStable() throws {
        let s = try aggregator.summary(period: "2024-07")
        let json = s.summaryJSON()
        #expect(json == (try aggregator.summary(period: "2024-07")).summaryJSON())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["period", "expected", "reporting", "accepted_rows", "totals", "by_industry_chain", "missing"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(json.hasPrefix(#"{"period":"2024-07","expected":14,"reporting":13,"accepted_rows":13,"totals":{"gross_output":{"cur":"#))
        #expect(json.contains(#""ytd":27346.2}"#))
        #expect(json.contains(#""employees_end":868,"party_members":28"#))
        #expect(json.contains(#""missing":["91511903PDY000036Y"]"#))
    }
}

import Aggregate
import Foundation
import Store
import Testing

/// Aggregation reads the facts by column index (`FactTable`); these checks recompute figures the
/// plain way, from each stored row's `[field: [part: value]]`, for every period of the fixture
/// inbox, so a fact put in the wrong column, row or group shows as a wrong figure.
@Suite struct DenseFiguresTests {
    let store = FixtureStore.shared.store

    func sum(_ rows: [StoredSubmission], _ field: String, _ part: String) -> Double? {
        let v = rows.compactMap { $0.facts[field]?[part] }
        return v.isEmpty ? nil : v.reduce(0, +)
    }

    /// Equal up to the order of summation (the summary sums in registry order).
    func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= 1e-9 * max(1, abs(b))
        default: false
        }
    }

    @Test func factTableHoldsEveryStoredFact() throws {
        let periods = try store.periods()
        let table = try store.currentFacts(periods: periods)
        let plain = try periods.flatMap { try store.currentSubmissions(period: $0) }
        #expect(table.rows.map(\.id) == plain.map(\.id))
        for (i, s) in plain.enumerated() {
            #expect(table.facts(of: i) == s.facts)
            for (field, parts) in s.facts { for (part, v) in parts { #expect(table.value(i, table.column(field, part)) == v) } }
        }
    }

    @Test func totalsBreakdownsRowsAndTrendMatchPlainSums() throws {
        let registry = Dictionary(try store.registry().map { ($0.uscc, $0) }, uniquingKeysWith: { a, _ in a })
        for period in try store.periods() {
            let s = try Aggregator(store: store).summary(period: period)
            let rows = try store.currentSubmissions(period: period)
            let fields = Set(rows.flatMap(\.facts.keys))
            #expect(Set(s.flows.keys).union(s.stocks.keys) == fields)
            for field in fields {
                if let f = s.flows[field] {
                    #expect(same(f.cur, sum(rows, field, "cur")) && same(f.ytd, sum(rows, field, "ytd")))
                } else {
                    #expect(same(s.stocks[field]?.end, sum(rows, field, "end")))
                }
            }
            for b in s.byScale {
                let members = rows.filter { (registry[$0.uscc]?.aboveScale == true ? "规上" : "规下") == b.key }
                #expect(b.enterprises == members.count)
                #expect(same(b.flows["gross_output"]?.ytd, sum(members, "gross_output", "ytd")))
                #expect(same(b.stocks["employees_end"]?.end, sum(members, "employees_end", "end")))
            }
            #expect(s.enterprises.count == rows.count)
            let byUSCC = Dictionary(uniqueKeysWithValues: rows.map { ($0.uscc, $0) })
            for e in s.enterprises {
                var flat: [String: Double] = [:]
                for (field, parts) in byUSCC[e.uscc]?.facts ?? [:] { for (part, v) in parts { flat[field + "." + part] = v } }
                #expect(e.values == flat)
            }
            let month = try #require(s.trend.last { $0.period == period })
            #expect(same(month.values["gross_output.cur"], sum(rows, "gross_output", "cur")))
            #expect(same(month.values["employees_end.end"], sum(rows, "employees_end", "end")))
        }
    }
}

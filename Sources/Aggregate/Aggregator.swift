import Dispatch
import Foundation
import Rules
import Store

/// The park's indicators for a period (DOMAIN.md §7), from the store only: the current accepted
/// row of each enterprise (revisions applied, rejected rows never stored) and the latest registry.
public struct Aggregator: Sendable {
    public let store: Store
    public var parkName: String

    public init(store: Store, parkName: String = "巴中临港产业园") {
        self.store = store
        self.parkName = parkName
    }

    /// Chain order of DOMAIN.md §3; chains not listed follow in name order.
    static let chainOrder = ["电子信息", "食品饮料", "先进材料", "医药健康", "文旅康养", "商贸物流", "其他"]

    public func summary(period: String) throws -> PeriodSummary {
        guard let p = Period(period) else { return PeriodSummary(period: period, parkName: parkName) }
        var s = PeriodSummary(period: period, parkName: parkName)
        let lastYearPeriod = Period(year: p.year - 1, month: p.month)!.description
        let yearMonths = (1...p.month).map { Period(year: p.year, month: $0)!.description }
        let loaded = try load(period: period, months: Array(Set(yearMonths + [p.previous.description, lastYearPeriod])))
        let registry = loaded.registry, table = loaded.table
        let order = Dictionary(registry.enumerated().map { ($1.uscc, $0) }, uniquingKeysWith: { a, _ in a })
        let byPeriod = Dictionary(grouping: table.rows.indices, by: { table.rows[$0].period })
        let rows = table.rows
        // Each table row's registry entry (its index in `registry`), and each entry's chain, found
        // once: the sort, the breakdowns, the rows and the trend looked every row up again by USCC,
        // over 100 000 hashed lookups at 5 000 enterprises.
        let entry: [Int?] = rows.map { order[$0.uscc] }
        let chains = registry.map { Aggregator.chain($0) }
        let aboveScale = registry.map { $0.aboveScale == true }, hitech = registry.map { $0.hitech == true }
        @Sendable func chain(_ r: Int) -> String { entry[r].map { chains[$0] } ?? Aggregator.chain(nil) }
        @Sendable func flag(_ r: Int, _ flags: [Bool]) -> Bool { entry[r].map { flags[$0] } ?? false }
        let current = (byPeriod[period] ?? []).sorted { (entry[$0] ?? .max, rows[$0].uscc) < (entry[$1] ?? .max, rows[$1].uscc) }
        let previous = byPeriod[p.previous.description] ?? []
        let figures = Figures(table, linking: current, previous: previous, lastYear: byPeriod[lastYearPeriod] ?? [])

        // Reporting (§8): expected = 投产 in the registry; missing = expected with no accepted row.
        let reporting = Set(current.map { rows[$0].uscc })
        // By index: copying 5 000 registry rows (their Strings retained and released one by one)
        // into filtered arrays and a dictionary was a tenth of aggregating.
        let expected = registry.indices.filter { registry[$0].status == "投产" }
        s.expected = expected.count
        s.reporting = reporting.count
        s.acceptedRows = current.count
        s.rejectedEnterprises = loaded.rejected.subtracting(reporting).count
        s.missing = expected.filter { !reporting.contains(registry[$0].uscc) }.map { EnterpriseRef(uscc: registry[$0].uscc, name: registry[$0].name) }
        if !expected.isEmpty {
            s.reportingRate = Double(expected.count - s.missing.count) / Double(expected.count) * 100
        }

        // "field.part", the flat naming of EnterpriseRow and MonthPoint, built once per column.
        let flatKeys = table.keys.map { $0.field + "." + $0.part }
        let outputCur = table.column("gross_output", "cur")
        // The totals, the four breakdowns, the rows and the trend are independent passes over the
        // same rows: they run side by side. The enterprise rows (a dictionary of figures each) take
        // longest: split in two halves, they are started first (jobs 5 and 7), and the short jobs
        // fill in beside them; started in turn, they had run alone at the end.
        let half = current.count / 2
        let parts = Aggregator.concurrently(8, order: [5, 7, 0, 1, 2, 3, 4, 6]) { job -> PeriodSummary in
            var t = PeriodSummary(period: period, parkName: parkName)
            switch job {
            case 0: (t.flows, t.stocks) = Totals.compute(members: current, previous: previous, figures: figures)
            case 1: t.byIndustryChain = breakdown(current, previous, figures, keys: chains) { chain($0) }
            case 2: t.byScale = breakdown(current, previous, figures, keys: ["规上", "规下"]) { flag($0, aboveScale) ? "规上" : "规下" }
            case 3: t.byHitech = breakdown(current, previous, figures, keys: ["高新", "非高新"]) { flag($0, hitech) ? "高新" : "非高新" }
            case 4: t.byStatus = breakdown(current, previous, figures, keys: ["投产", "在建", "停产", "已签约", "迁出"]) {
                entry[$0].flatMap { registry[$0].status } ?? "未登记"
            }
            case 5, 7: t.enterprises = current[job == 5 ? 0..<half : half..<current.count].map { i in
                let sub = rows[i], r = entry[i].map { registry[$0] }
                var values: [String: Double] = Dictionary(minimumCapacity: flatKeys.count)
                for c in flatKeys.indices { if let v = table.value(i, c) { values[flatKeys[c]] = v } }
                var row = EnterpriseRow(uscc: sub.uscc, name: r?.name ?? sub.name, values: values, sourceFile: sub.file, revision: sub.revision)
                row.industryChain = r?.industryChain; row.aboveScale = r?.aboveScale; row.hitech = r?.hitech; row.status = r?.status
                return row
            }
            case 6: t.trend = yearMonths.compactMap { m in
                guard let subs = byPeriod[m], !subs.isEmpty else { return nil }
                var sums = [Sum](repeating: Sum(), count: flatKeys.count), byChain: [String: Sum] = [:]
                for i in subs {
                    for c in flatKeys.indices { sums[c].add(table.value(i, c)) }
                    byChain[chain(i), default: Sum()].add(table.value(i, outputCur))
                }
                var values: [String: Double] = [:]
                for c in flatKeys.indices { if let v = sums[c].value { values[flatKeys[c]] = v } }
                return MonthPoint(period: m, reporting: subs.count, values: values, outputByChain: byChain.compactMapValues(\.value))
            }
            default: break
            }
            return t
        }
        (s.flows, s.stocks) = (parts[0].flows, parts[0].stocks)
        s.byIndustryChain = parts[1].byIndustryChain
        s.byScale = parts[2].byScale
        s.byHitech = parts[3].byHitech
        s.byStatus = parts[4].byStatus
        s.enterprises = parts[5].enterprises + parts[7].enterprises
        s.trend = parts[6].trend
        s.ratios = ratios(current, table: table, landArea: { entry[$0].flatMap { registry[$0].landAreaMu } }, month: p.month,
                          flows: s.flows, stocks: s.stocks)
        s.party = party(expected.map { registry[$0].partyOrgType }, stocks: s.stocks)
        s.findings = loaded.findings
        s.revisions = loaded.revisions.map { r in
            let old = Aggregator.flatten(r.old.facts), new = Aggregator.flatten(r.new.facts)
            var changes: [String: [Double?]] = [:]
            for k in Set(old.keys).union(new.keys) where old[k] != new[k] { changes[k] = [old[k], new[k]] }
            return RevisionRow(uscc: r.old.uscc, name: order[r.old.uscc].map { registry[$0].name } ?? r.old.name, supersededFile: r.old.file,
                               byFile: r.new.file, changes: changes)
        }
        return s
    }

    /// What a period's summary reads from the store.
    struct Loaded: Sendable {
        var table = FactTable()
        var registry: [RegistryRow] = []
        var rejected: Set<String> = []
        var findings: [FindingRow] = []
        var revisions: [StoredRevision] = []
    }

    /// The store's reads for `period`, side by side on two connections: the facts of `months` on
    /// the store's own, the registry, findings and revisions on a second, read-only one (on the
    /// store's alone when it cannot be opened). One after the other, they were most of aggregating.
    func load(period: String, months: [String]) throws -> Loaded {
        let beside = try? Store(readingBeside: store)
        let halves = Aggregator.concurrently(2) { job in
            Result { () throws -> Loaded in
                var l = Loaded()
                if job == 0 {
                    l.table = try store.currentFacts(periods: months)
                    return l
                }
                let from = beside ?? store
                l.registry = try from.registry()
                l.rejected = try from.rejectedEnterprises(period: period)
                l.findings = try from.findings(period: period).map { f in
                    FindingRow(file: f.file, sheet: f.sheet, cell: f.cell?.description, rule: f.rule, severity: f.severity.rawValue,
                               field: f.field, value: f.value, message: f.message)
                }
                l.revisions = try from.revisions(period: period)
                return l
            }
        }
        var loaded = try halves[1].get()
        loaded.table = try halves[0].get().table
        return loaded
    }

    /// Runs jobs 0..<count on all cores, started in `order` (the longest first; job order when not
    /// given); the results in job order.
    static func concurrently<T: Sendable>(_ count: Int, order: [Int]? = nil, _ job: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: count)
        let order = order ?? Array(0..<count)
        precondition(order.sorted() == Array(0..<count), "every job once")
        DispatchQueue.concurrentPerform(iterations: count) { results.set(order[$0], job(order[$0])) }
        return results.values
    }

    static func chain(_ r: RegistryRow?) -> String {
        guard let raw = r?.industryChain else { return "其他" }
        // Nearly every chain is written without spaces around it: Foundation's trimming, for every
        // row of every breakdown, was a sixth of aggregating.
        func spaced(_ u: Unicode.Scalar?) -> Bool { u.map { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } ?? false }
        let c = spaced(raw.unicodeScalars.first) || spaced(raw.unicodeScalars.last) ? raw.trimmingCharacters(in: .whitespaces) : raw
        return c.isEmpty ? "其他" : c
    }

    /// "gross_output.cur" → value, the flat naming of EnterpriseRow and MonthPoint.
    static func flatten(_ facts: [String: [String: Double]]) -> [String: Double] {
        var out: [String: Double] = [:]
        for (field, parts) in facts { for (part, v) in parts { out[field + "." + part] = v } }
        return out
    }

    /// Groups in a fixed order: `keys` first (as listed, chains in §3 order), then any other key met.
    /// `key` maps a row of `figures.table` to its group.
    private func breakdown(_ current: [Int], _ previous: [Int], _ figures: Figures,
                           keys: [String], key: (Int) -> String) -> [Breakdown] {
        let members = Dictionary(grouping: current, by: key)
        let prev = Dictionary(grouping: previous, by: key)
        var ordered: [String] = []
        let listed = Aggregator.chainOrder.filter(keys.contains) + keys.filter { !Aggregator.chainOrder.contains($0) }.sorted()
        for k in listed + members.keys.sorted() where !ordered.contains(k) { ordered.append(k) }
        return ordered.compactMap { k in
            let m = members[k] ?? []
            guard !m.isEmpty || keys.contains(k) else { return nil }
            var b = Breakdown(key: k)
            b.enterprises = m.count
            (b.flows, b.stocks) = Totals.compute(members: m, previous: prev[k] ?? [], figures: figures)
            return b
        }
    }

    private func ratios(_ current: [Int], table: FactTable, landArea: (Int) -> Double?, month: Int,
                        flows: [String: FlowTotal], stocks: [String: StockTotal]) -> Ratios {
        var r = Ratios()
        let output = flows["gross_output"]?.ytd
        if let output, output > 0 {
            r.salesRate = flows["sales_output"]?.ytd.map { $0 / output * 100 }
            r.taxToOutput = flows["tax_paid"]?.ytd.map { $0 / output * 100 }
            if let staff = stocks["employees_end"]?.end, staff > 0 { r.outputPerEmployee = output / staff * 12 / Double(month) }
        }
        // 亩均: only enterprises whose land area is known, so the area and the figures cover the same firms.
        var land = 0.0, out = Sum(), tax = Sum()
        let outputYtd = table.column("gross_output", "ytd"), taxYtd = table.column("tax_paid", "ytd")
        for i in current {
            guard let mu = landArea(i), mu > 0 else { continue }
            land += mu
            r.landScopeEnterprises += 1
            out.add(table.value(i, outputYtd)); tax.add(table.value(i, taxYtd))
        }
        if land > 0 {
            r.outputPerMu = out.value.map { $0 / land }
            r.taxPerMu = tax.value.map { $0 / land }
        }
        return r
    }

    /// Organisational coverage over the enterprises expected to report (投产), the scope the park counts.
    /// `expected`: the party organisation type of each such enterprise.
    private func party(_ expected: [String?], stocks: [String: StockTotal]) -> PartyCoverage {
        var c = PartyCoverage()
        c.scopeEnterprises = expected.count
        c.scope = "投产企业 \(expected.count) 家"
        c.singleBranch = expected.filter { $0 == "单建" }.count
        c.jointBranch = expected.filter { $0 == "联建" }.count
        if !expected.isEmpty {
            c.singleBranchRate = Double(c.singleBranch) / Double(expected.count) * 100
            c.coverageRate = Double(c.singleBranch + c.jointBranch) / Double(expected.count) * 100
        }
        c.members = stocks["party_members"]?.end
        if let m = c.members, let staff = stocks["employees_end"]?.end, staff > 0 { c.memberShareOfEmployees = m / staff * 100 }
        return c
    }
}

/// Results written from concurrentPerform workers, one slot each.
private final class Results<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

import Store

/// Sums and growth rates over a set of enterprises (DOMAIN.md §7). Pure: the store is read before.
struct Totals {
    /// A flow has cur/ytd parts, a stock an end; told apart by the parts stored.
    static let flowParts: Set<String> = ["cur", "ytd", "py_cur", "py_ytd"]

    /// `members`: the current rows of the group; `previous`: the group's rows last month;
    /// `lastYear`: rows of the same month last year by USCC (the base when py_* was not reported).
    static func compute(members: [StoredSubmission], previous: [StoredSubmission], lastYear: [String: StoredSubmission])
        -> (flows: [String: FlowTotal], stocks: [String: StockTotal]) {
        var fields: Set<String> = []
        for m in members { fields.formUnion(m.facts.keys) }
        var flows: [String: FlowTotal] = [:], stocks: [String: StockTotal] = [:]
        let prevByUSCC = Dictionary(previous.map { ($0.uscc, $0) }, uniquingKeysWith: { a, _ in a })
        for field in fields.sorted() {
            let isFlow = members.contains { m in m.facts[field]?.keys.contains(where: flowParts.contains) ?? false }
            if isFlow {
                flows[field] = flow(field, members, previous, prevByUSCC, lastYear)
            } else {
                stocks[field] = stock(field, members, previous, prevByUSCC, lastYear)
            }
        }
        return (flows, stocks)
    }

    private static func flow(_ field: String, _ members: [StoredSubmission], _ previous: [StoredSubmission],
                             _ prevByUSCC: [String: StoredSubmission], _ lastYear: [String: StoredSubmission]) -> FlowTotal {
        var t = FlowTotal()
        var baseCur = Sum(), baseYtd = Sum()
        var compYtd = Sum(), compYtdBase = Sum(), compCur = Sum(), compPrev = Sum()
        var cur = Sum(), ytd = Sum()
        for m in members {
            let f = m.facts[field] ?? [:]
            cur.add(f["cur"]); ytd.add(f["ytd"])
            let bc = f["py_cur"] ?? lastYear[m.uscc]?.facts[field]?["cur"]
            let by = f["py_ytd"] ?? lastYear[m.uscc]?.facts[field]?["ytd"]
            baseCur.add(bc); baseYtd.add(by)
            if let y = f["ytd"], let by { compYtd.add(y); compYtdBase.add(by) }
            if let c = f["cur"], let p = prevByUSCC[m.uscc]?.facts[field]?["cur"] { compCur.add(c); compPrev.add(p) }
        }
        var prev = Sum()
        for p in previous { prev.add(p.facts[field]?["cur"]) }
        t.cur = cur.value; t.ytd = ytd.value
        t.pyCur = baseCur.value; t.pyYtd = baseYtd.value; t.prevCur = prev.value
        t.yoyCur = growth(t.cur, t.pyCur)
        t.yoyYtd = growth(t.ytd, t.pyYtd)
        t.mom = growth(t.cur, t.prevCur)
        t.comparableYoyYtd = growth(compYtd.value, compYtdBase.value)
        t.comparableMom = growth(compCur.value, compPrev.value)
        return t
    }

    private static func stock(_ field: String, _ members: [StoredSubmission], _ previous: [StoredSubmission],
                              _ prevByUSCC: [String: StoredSubmission], _ lastYear: [String: StoredSubmission]) -> StockTotal {
        var t = StockTotal()
        var end = Sum(), base = Sum(), prev = Sum()
        for m in members {
            let f = m.facts[field] ?? [:]
            end.add(f["end"])
            base.add(f["py_end"] ?? lastYear[m.uscc]?.facts[field]?["end"])
        }
        for p in previous { prev.add(p.facts[field]?["end"]) }
        t.end = end.value; t.pyEnd = base.value; t.prevEnd = prev.value
        t.yoy = growth(t.end, t.pyEnd)
        t.mom = growth(t.end, t.prevEnd)
        return t
    }

    /// (now − base) / base × 100; nil ("—") when either is missing or the base is ≤ 0.
    static func growth(_ now: Double?, _ base: Double?) -> Double? {
        guard let now, let base, base > 0 else { return nil }
        return (now - base) / base * 100
    }
}

/// A sum that stays nil when nothing was added: a field nobody reported is "—", never 0.
struct Sum {
    private(set) var value: Double?
    mutating func add(_ x: Double?) { if let x { value = (value ?? 0) + x } }
}

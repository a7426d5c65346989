import Store

/// The loaded rows by column, with what every total needs besides the rows themselves: for each
/// row, the same enterprise's row last month and in the same month last year. Built once per
/// summary; the totals and the four breakdowns only index into it.
struct Figures: Sendable {
    /// A field's columns: every part stored, and the ones the totals read.
    struct Field: Sendable {
        var name: String
        var columns: [Int]
        /// Columns of flow parts (cur, ytd, py_cur, py_ytd): a field with any of them reported is a flow.
        var flowColumns: [Int]
        var cur, ytd, pyCur, pyYtd, end, pyEnd: Int?
    }

    let table: FactTable
    /// Fields in name order.
    let fields: [Field]
    /// Per row: the row of the same USCC last month and last year (filled for the period's rows).
    let previousRow: [Int?]
    let lastYearRow: [Int?]

    /// A flow has cur/ytd parts, a stock an end; told apart by the parts stored.
    static let flowParts: Set<String> = ["cur", "ytd", "py_cur", "py_ytd"]

    /// Links each of `rows` to the first row of the same USCC among `previous` and `lastYear`.
    init(_ table: FactTable, linking rows: [Int], previous: [Int], lastYear: [Int]) {
        self.table = table
        var byName: [String: Field] = [:]
        for (c, k) in table.keys.enumerated() {
            var f = byName[k.field] ?? Field(name: k.field, columns: [], flowColumns: [])
            f.columns.append(c)
            if Figures.flowParts.contains(k.part) { f.flowColumns.append(c) }
            switch k.part {
            case "cur": f.cur = c
            case "ytd": f.ytd = c
            case "py_cur": f.pyCur = c
            case "py_ytd": f.pyYtd = c
            case "end": f.end = c
            case "py_end": f.pyEnd = c
            default: break
            }
            byName[k.field] = f
        }
        fields = byName.keys.sorted().map { byName[$0]! }
        func byUSCC(_ r: [Int]) -> [String: Int] {
            Dictionary(r.map { (table.rows[$0].uscc, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let p = byUSCC(previous), y = byUSCC(lastYear)
        var previousRow = [Int?](repeating: nil, count: table.rows.count), lastYearRow = previousRow
        for r in rows {
            previousRow[r] = p[table.rows[r].uscc]
            lastYearRow[r] = y[table.rows[r].uscc]
        }
        self.previousRow = previousRow
        self.lastYearRow = lastYearRow
    }

    @inline(__always) func value(_ row: Int, _ column: Int?) -> Double? { table.value(row, column) }
    @inline(__always) func value(_ row: Int?, _ column: Int?) -> Double? { row.flatMap { table.value($0, column) } }
}

/// Sums and growth rates over a set of enterprises (DOMAIN.md §7). Pure: the store is read before.
struct Totals {
    /// `members`: the current rows of the group; `previous`: the group's rows last month (rows of `figures.table`).
    static func compute(members: [Int], previous: [Int], figures: Figures)
        -> (flows: [String: FlowTotal], stocks: [String: StockTotal]) {
        var flows: [String: FlowTotal] = [:], stocks: [String: StockTotal] = [:]
        for field in figures.fields {
            // Only fields some member reported; a flow as soon as one member reported a flow part of it.
            guard members.contains(where: { m in field.columns.contains { figures.value(m, $0) != nil } }) else { continue }
            if members.contains(where: { m in field.flowColumns.contains { figures.value(m, $0) != nil } }) {
                flows[field.name] = flow(field, members, previous, figures)
            } else {
                stocks[field.name] = stock(field, members, previous, figures)
            }
        }
        return (flows, stocks)
    }

    private static func flow(_ f: Figures.Field, _ members: [Int], _ previous: [Int], _ x: Figures) -> FlowTotal {
        var t = FlowTotal()
        var baseCur = Sum(), baseYtd = Sum()
        var compYtd = Sum(), compYtdBase = Sum(), compCur = Sum(), compPrev = Sum()
        var cur = Sum(), ytd = Sum()
        for m in members {
            let c = x.value(m, f.cur), y = x.value(m, f.ytd)
            cur.add(c); ytd.add(y)
            // Reported 上年同期 first; else the enterprise's stored row of that month last year.
            let bc = x.value(m, f.pyCur) ?? x.value(x.lastYearRow[m], f.cur)
            let by = x.value(m, f.pyYtd) ?? x.value(x.lastYearRow[m], f.ytd)
            baseCur.add(bc); baseYtd.add(by)
            if let y, let by { compYtd.add(y); compYtdBase.add(by) }
            if let c, let p = x.value(x.previousRow[m], f.cur) { compCur.add(c); compPrev.add(p) }
        }
        var prev = Sum()
        for p in previous { prev.add(x.value(p, f.cur)) }
        t.cur = cur.value; t.ytd = ytd.value
        t.pyCur = baseCur.value; t.pyYtd = baseYtd.value; t.prevCur = prev.value
        t.yoyCur = growth(t.cur, t.pyCur)
        t.yoyYtd = growth(t.ytd, t.pyYtd)
        t.mom = growth(t.cur, t.prevCur)
        t.comparableYoyYtd = growth(compYtd.value, compYtdBase.value)
        t.comparableMom = growth(compCur.value, compPrev.value)
        return t
    }

    private static func stock(_ f: Figures.Field, _ members: [Int], _ previous: [Int], _ x: Figures) -> StockTotal {
        var t = StockTotal()
        var end = Sum(), base = Sum(), prev = Sum()
        for m in members {
            end.add(x.value(m, f.end))
            base.add(x.value(m, f.pyEnd) ?? x.value(x.lastYearRow[m], f.end))
        }
        for p in previous { prev.add(x.value(p, f.end)) }
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

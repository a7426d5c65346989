/// Labels, units and order of the indicators the default schema defines (DOMAIN.md §2). Fields
/// a user schema adds still appear, after these, under their id.
enum Indicators {
    struct Field {
        let id: String
        let label: String
        let unit: String
        let kind: ValueKind
    }

    static let flows: [Field] = [
        Field(id: "gross_output", label: "工业总产值", unit: "万元", kind: .money),
        Field(id: "sales_output", label: "工业销售产值", unit: "万元", kind: .money),
        Field(id: "export_value", label: "出口交货值", unit: "万元", kind: .money),
        Field(id: "revenue", label: "营业收入", unit: "万元", kind: .money),
        Field(id: "total_profit", label: "利润总额", unit: "万元", kind: .money),
        Field(id: "tax_paid", label: "实缴税金", unit: "万元", kind: .money),
        Field(id: "electricity", label: "用电量", unit: "万千瓦时", kind: .decimal),
        Field(id: "fixed_invest", label: "固定资产投资", unit: "万元", kind: .money),
    ]

    static let stocks: [Field] = [
        Field(id: "employees_end", label: "从业人员期末人数", unit: "人", kind: .integer),
        Field(id: "party_members", label: "党员人数", unit: "人", kind: .integer),
    ]

    static let partLabels: [String: String] = [
        "cur": "本月", "ytd": "本年累计", "py_cur": "上年同期", "py_ytd": "上年同期累计", "end": "期末", "py_end": "上年同期期末",
    ]
    static let partOrder = ["cur", "ytd", "py_cur", "py_ytd", "end", "py_end"]

    static func field(_ id: String) -> Field {
        if let f = flows.first(where: { $0.id == id }) ?? stocks.first(where: { $0.id == id }) { return f }
        return Field(id: id, label: id, unit: "", kind: .decimal)
    }

    /// Known ids in schema order, then the others sorted, so columns never depend on hashing.
    static func ordered(_ ids: some Sequence<String>, known: [Field]) -> [String] {
        let present = Set(ids)
        let first = known.map(\.id).filter(present.contains)
        return first + present.subtracting(first).sorted()
    }

    /// "gross_output.cur" keys ordered by field (flows, then stocks, then others) and part.
    static func orderedKeys(_ keys: some Sequence<String>) -> [String] {
        let all = flows + stocks
        func rank(_ key: String) -> (Int, String, Int, String) {
            let (id, part) = split(key)
            let f = all.firstIndex(where: { $0.id == id }) ?? all.count
            let p = partOrder.firstIndex(of: part) ?? partOrder.count
            return (f, id, p, part)
        }
        return Set(keys).sorted { rank($0) < rank($1) }
    }

    /// "工业总产值(本月)" for "gross_output.cur".
    static func header(forKey key: String) -> String {
        let (id, part) = split(key)
        let label = field(id).label
        guard !part.isEmpty else { return label }
        return label + "(" + (partLabels[part] ?? part) + ")"
    }

    static func kind(forKey key: String) -> ValueKind { field(split(key).0).kind }

    static func split(_ key: String) -> (String, String) {
        guard let dot = key.lastIndex(of: ".") else { return (key, "") }
        return (String(key[..<dot]), String(key[key.index(after: dot)...]))
    }
}

import SheetModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 企业名录: the park's master list (DOMAIN.md §3), keyed by USCC.
public struct Registry: Sendable {
    public struct Enterprise: Sendable, Hashable {
        public var uscc: String
        public var name: String
        public var aliases: [String]
        /// 已签约, 在建, 投产, 停产, 迁出.
        public var status: String?
        /// Every registry column as (field id, text), sorted by id (dates ISO, industry codes with
        /// leading zeros). A list: a dictionary per enterprise was most of reading a 5 000-row
        /// registry, and the store writes the pairs in this order.
        public private(set) var sortedValues: [Value]

        public struct Value: Sendable, Hashable {
            public var key: String
            public var value: String
            public init(key: String, value: String) { self.key = key; self.value = value }
        }

        public init(uscc: String, name: String, aliases: [String] = [], status: String? = nil, values: [String: String] = [:]) {
            self.init(uscc: uscc, name: name, aliases: aliases, status: status,
                      sorted: values.map { Value(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key })
        }

        init(uscc: String, name: String, aliases: [String], status: String?, sorted: [Value]) {
            self.uscc = uscc
            self.name = name
            self.aliases = aliases
            self.status = status
            self.sortedValues = sorted
        }

        /// Every registry column by field id.
        public var values: [String: String] {
            Dictionary(uniqueKeysWithValues: sortedValues.map { ($0.key, $0.value) })
        }

        /// One column's text: a dozen short ids are compared faster than one is hashed.
        public func value(_ key: String) -> String? {
            sortedValues.first { $0.key == key }?.value
        }

        public var isProducing: Bool { status == "投产" }
    }

    /// In file order.
    public private(set) var enterprises: [Enterprise]
    private var index: [String: Int] = [:]

    public init(_ enterprises: [Enterprise]) {
        self.enterprises = []
        for e in enterprises where index[e.uscc] == nil {
            index[e.uscc] = self.enterprises.count
            self.enterprises.append(e)
        }
    }

    public subscript(uscc: String) -> Enterprise? { index[uscc].map { enterprises[$0] } }

    /// Whether `name` is the registry's name or one of its aliases, ignoring width, spaces and bracket style.
    func nameMatches(_ name: String, _ e: Enterprise) -> Bool {
        // Equal bytes are equal names (the usual case), with no normalising.
        if FastText.withBytes(name, { a in FastText.withBytes(e.name) { b in
            a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
        } }) { return true }
        let n = Label.normalize(name).text
        return ([e.name] + e.aliases).contains { Label.normalize($0).text == n }
    }

    /// Reads the registry workbook with the same header matching as submissions.
    public static func read(_ workbook: WorkbookData, schema: Schema) throws -> Registry {
        var best: (SheetData, HeaderScan)?
        for sheet in workbook.sheets where sheet.kind == .worksheet {
            guard let h = HeaderScan.find(in: SheetGrid(sheet, matcher: schema.registryMatcher), ignored: schema.ignoredKeys) else { continue }
            let ids = Set(h.columns.map(\.field.id))
            guard ids.contains("uscc"), ids.contains("name") else { continue }
            if best == nil || h.score > best!.1.score { best = (sheet, h) }
        }
        guard let (sheet, header) = best else {
            throw RegistryError("企业名录中找不到含“统一社会信用代码”和“企业名称”两列的工作表。")
        }
        // Each field's first column, in field id order: every row's values come out sorted.
        var columns: [(id: String, column: UInt16)] = []
        for c in header.columns where !columns.contains(where: { $0.id == c.field.id }) { columns.append((c.field.id, c.column)) }
        columns.sort { $0.id < $1.id }
        var list: [Enterprise] = []
        list.reserveCapacity(sheet.rows.count)
        for row in sheet.rows where row.index > header.lastRow {
            var values: [Enterprise.Value] = []
            values.reserveCapacity(columns.count)
            for (id, col) in columns {
                let v = row[col]
                let text: String?
                switch (id, v) {
                case ("production_start", .dateSerial(let d)):
                    text = ExcelDate.isoText(serial: d, system: workbook.dateSystem)
                case ("industry_code", .number(let d)) where d == d.rounded() && d >= 0 && d < 10_000:
                    let s = String(Int(d))
                    text = String(repeating: "0", count: 4 - s.count) + s
                default:
                    text = v.plainText
                }
                if let text { values.append(Enterprise.Value(key: id, value: text)) }
            }
            func value(_ id: String) -> String? { values.first { $0.key == id }?.value }
            guard let raw = value("uscc"), let name = value("name") else { continue }
            let uscc = USCC.normalize(raw).code
            let aliases = value("aliases").map {
                $0.split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            } ?? []
            list.append(Enterprise(uscc: uscc, name: name, aliases: aliases, status: value("status"), sorted: values))
        }
        return Registry(list)
    }
}

public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "企业名录有误：\(message)" }
}

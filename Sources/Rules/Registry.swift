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
        /// Every registry column by field id, as text (dates ISO, industry codes with leading zeros).
        public var values: [String: String]

        public init(uscc: String, name: String, aliases: [String] = [], status: String? = nil, values: [String: String] = [:]) {
            self.uscc = uscc
            self.name = name
            self.aliases = aliases
            self.status = status
            self.values = values
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
        var columns: [String: UInt16] = [:]
        for c in header.columns where columns[c.field.id] == nil { columns[c.field.id] = c.column }
        var list: [Enterprise] = []
        for row in sheet.rows where row.index > header.lastRow {
            var values = [String: String](minimumCapacity: columns.count)
            for (id, col) in columns {
                let v = row[col]
                switch (id, v) {
                case ("production_start", .dateSerial(let d)):
                    values[id] = ExcelDate.isoText(serial: d, system: workbook.dateSystem)
                case ("industry_code", .number(let d)) where d == d.rounded() && d >= 0 && d < 10_000:
                    let s = String(Int(d))
                    values[id] = String(repeating: "0", count: 4 - s.count) + s
                default:
                    values[id] = v.plainText
                }
            }
            guard let raw = values["uscc"], let name = values["name"] else { continue }
            let uscc = USCC.normalize(raw).code
            let aliases = values["aliases"].map {
                $0.split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            } ?? []
            list.append(Enterprise(uscc: uscc, name: name, aliases: aliases, status: values["status"], values: values))
        }
        return Registry(list)
    }
}

public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "企业名录有误：\(message)" }
}

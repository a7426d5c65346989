import Foundation
import Yams

/// The schema file as written (YAML). Every key is optional so a park's own file can be an overlay
/// on the bundled default: it names only what it adds or changes.
struct SchemaFile: Decodable {
    struct Field: Decodable {
        var id: String
        var label: String?
        var aliases: [String]?
        var kind: FieldKind?
        var unit: String?
        var required: Requirement?
        var integer: Bool?
        var negative: NegativePolicy?
        var zeroWarning: Bool?
        var max: Double?

        enum CodingKeys: String, CodingKey {
            case id, label, aliases, kind, unit, required, integer, negative, max
            case zeroWarning = "zero_warning"
        }

        func spec() throws -> FieldSpec {
            guard let kind else { throw SchemaError("字段“\(id)”缺少 kind") }
            var unitValue: Unit?
            if let unit {
                guard let u = Unit.parse(unit) else { throw SchemaError("字段“\(id)”的单位“\(unit)”无法识别") }
                unitValue = u
            } else if kind.isNumeric {
                throw SchemaError("数值字段“\(id)”缺少 unit")
            }
            return FieldSpec(id: id, label: label ?? id, aliases: aliases ?? [], kind: kind, unit: unitValue,
                             required: required ?? .never, integer: integer ?? false,
                             negative: negative ?? .error, zeroWarning: zeroWarning ?? false, max: max)
        }

        /// Overlay: aliases add up, every other key given replaces.
        mutating func merge(_ o: Field) {
            if let v = o.label { label = v }
            if let v = o.aliases { aliases = (aliases ?? []) + v.filter { !(aliases ?? []).contains($0) } }
            if let v = o.kind { kind = v }
            if let v = o.unit { unit = v }
            if let v = o.required { required = v }
            if let v = o.integer { integer = v }
            if let v = o.negative { negative = v }
            if let v = o.zeroWarning { zeroWarning = v }
            if let v = o.max { max = v }
        }
    }

    var version: Int?
    var parts: [String: [String]]
    var ignoredLabels: [String]
    var placeholders: [String]
    var totalLabels: [String]
    var footerLabels: [String]
    var fields: [Field]
    var registryFields: [Field]

    enum CodingKeys: String, CodingKey {
        case version, parts, placeholders, fields
        case ignoredLabels = "ignored_labels"
        case totalLabels = "total_labels"
        case footerLabels = "footer_labels"
        case registryFields = "registry_fields"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        parts = try c.decodeIfPresent([String: [String]].self, forKey: .parts) ?? [:]
        ignoredLabels = try c.decodeIfPresent([String].self, forKey: .ignoredLabels) ?? []
        placeholders = try c.decodeIfPresent([String].self, forKey: .placeholders) ?? []
        totalLabels = try c.decodeIfPresent([String].self, forKey: .totalLabels) ?? []
        footerLabels = try c.decodeIfPresent([String].self, forKey: .footerLabels) ?? []
        fields = try c.decodeIfPresent([Field].self, forKey: .fields) ?? []
        registryFields = try c.decodeIfPresent([Field].self, forKey: .registryFields) ?? []
    }

    static func decode(_ yaml: String) throws -> SchemaFile {
        do {
            return try YAMLDecoder().decode(SchemaFile.self, from: yaml)
        } catch let e as SchemaError {
            throw e
        } catch {
            throw SchemaError("YAML 无法解析（\(error)）")
        }
    }

    /// Lays `overlay` over self: lists add up, fields merge by id, new ids are appended.
    func merged(with overlay: SchemaFile) -> SchemaFile {
        var out = self
        for (k, v) in overlay.parts { out.parts[k, default: []] += v }
        out.ignoredLabels += overlay.ignoredLabels
        out.placeholders += overlay.placeholders
        out.totalLabels += overlay.totalLabels
        out.footerLabels += overlay.footerLabels
        func mergeFields(_ base: inout [Field], _ add: [Field]) {
            for f in add {
                if let i = base.firstIndex(where: { $0.id == f.id }) { base[i].merge(f) } else { base.append(f) }
            }
        }
        mergeFields(&out.fields, overlay.fields)
        mergeFields(&out.registryFields, overlay.registryFields)
        return out
    }
}

extension Schema {
    /// The YAML text of the bundled default schema, e.g. for `parkstat template`-style export.
    public static func defaultSchemaText() throws -> String {
        guard let url = Bundle.module.url(forResource: "default-schema", withExtension: "yaml", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "default-schema", withExtension: "yaml") else {
            throw SchemaError("找不到内置的默认口径文件 default-schema.yaml")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The bundled default schema (DOMAIN.md §2–§3).
    public static func defaultSchema() throws -> Schema {
        try Schema(file: SchemaFile.decode(defaultSchemaText()))
    }

    /// The default schema with a park's overlay (YAML text) laid over it.
    public static func withOverlay(yaml: String) throws -> Schema {
        let base = try SchemaFile.decode(defaultSchemaText())
        return try Schema(file: base.merged(with: SchemaFile.decode(yaml)))
    }

    /// `--schema FILE`: the default with the file laid over it.
    public static func load(path: String) throws -> Schema {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw SchemaError("无法读取口径文件 \(path)")
        }
        return try withOverlay(yaml: text)
    }
}

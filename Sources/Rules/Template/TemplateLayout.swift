import SheetModel

/// The blank fill-in template of a schema, as data: which cell holds which text, which cells are
/// inputs (unlocked) for which field, and the checks Excel should run on them. It knows nothing of
/// the XLSX writer; the CLI renders it. Because the cells come from the schema's labels and the
/// reader matches them back, a filled template reads through `Validator` like any submission.
public struct TemplateLayout: Sendable {
    /// wide: 一企一行 (header row, one row per enterprise); long: 一企一表 shaped like B204-1.
    public enum Kind: String, Sendable, CaseIterable {
        case wide, long
    }

    /// What a cell is for; the renderer picks font, fill, border and lock from it.
    public enum Role: String, Sendable, Hashable {
        /// The merged title line.
        case title
        /// 报告期, 单位 and footer lines.
        case note
        /// Column headers.
        case header
        /// Row labels (指标名称, 计量单位, metadata labels).
        case label
        /// An empty or pre-filled cell the enterprise fills in: unlocked.
        case input
        /// A value filled in by the park and locked (name and USCC from the registry, the period).
        case fixed
        /// A cell with no meaning for its row (a stock's 累计): locked and greyed.
        case unused
        /// Running text (the 说明 sheet).
        case body
    }

    public enum Format: String, Sendable, Hashable {
        case general
        /// "@": kept as typed, so a USCC or a phone number never becomes a number.
        case text
        /// "0.00"
        case decimal2
        /// "0"
        case integer
    }

    public struct Cell: Sendable, Hashable {
        public var ref: CellRef
        public var text: String?
        /// A formula without "=", shown with `text` as its cached value.
        public var formula: String?
        public var role: Role
        public var format: Format

        public init(_ ref: CellRef, _ text: String?, role: Role, format: Format = .general, formula: String? = nil) {
            self.ref = ref
            self.text = text
            self.role = role
            self.format = format
            self.formula = formula
        }
    }

    /// An input cell and the field (and part) the reader will take it as.
    public struct Input: Sendable, Hashable {
        public var ref: CellRef
        public var fieldID: String
        public var part: Part?
        /// The enterprise row it belongs to (0 in the long layout).
        public var record: Int
    }

    /// A data-validation rule with the Chinese input prompt and error alert.
    public struct Validation: Sendable, Hashable {
        public enum Rule: Sendable, Hashable {
            case list([String])
            /// Any decimal within the bounds (nil: unbounded).
            case decimal(min: Double?, max: Double?)
            case whole(min: Double, max: Double)
            case textLength(Int)
        }

        /// stop rejects the entry; warning asks whether to keep it (for values the rules only flag).
        public enum Alert: String, Sendable, Hashable { case stop, warning }

        public var rule: Rule
        public var ranges: [CellRange]
        public var promptTitle: String
        public var prompt: String
        public var errorTitle: String
        public var error: String
        public var alert: Alert
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Row-major order.
        public var cells: [Cell]
        public var merges: [CellRange] = []
        public var validations: [Validation] = []
        public var inputs: [Input] = []
        /// Widths for columns holding long text; the renderer fits the others.
        public var widths: [UInt16: Double] = [:]
        public var rowHeights: [UInt32: Double] = [:]
        public var freeze: (rows: UInt32, columns: UInt16) = (0, 0)
        /// Rows repeated on every printed page.
        public var printTitleRows: ClosedRange<UInt32>?
        public var landscape = true

        public init(name: String, cells: [Cell] = []) {
            self.name = name
            self.cells = cells
        }

        public func cell(_ ref: CellRef) -> Cell? { cells.first { $0.ref == ref } }
    }

    public var kind: Kind
    public var period: Period
    /// The data sheet first, then 基本情况 and 说明.
    public var sheets: [Sheet]

    public static let title = "巴中临港产业园企业月度统计报表"
    public static let dataSheetName = "月报"
    public static let infoSheetName = "基本情况"
    public static let notesSheetName = "说明"

    /// Builds the template of `schema` for `period`. With `enterprise`, its name and USCC are
    /// filled in and locked and there is one input row; without, `rows` empty enterprise rows
    /// (wide) for a park-compiled file. The long layout always holds one enterprise.
    public static func build(schema: Schema, kind: Kind, period: Period, enterprise: Registry.Enterprise? = nil,
                             rows: Int = 1) -> TemplateLayout {
        let count = enterprise == nil ? max(1, rows) : 1
        let data: Sheet = switch kind {
        case .wide: wideSheet(schema: schema, period: period, enterprise: enterprise, rows: count)
        case .long: longSheet(schema: schema, period: period, enterprise: enterprise)
        }
        let identity = data.inputs.filter { $0.fieldID == "uscc" || $0.fieldID == "enterprise_name" }
        let identityCells = data.cells.filter { c in
            c.role == .fixed && enterprise != nil && (c.text == enterprise?.uscc || c.text == enterprise?.name)
        }
        let info = infoSheet(schema: schema, data: data, identity: identity, fixed: identityCells,
                             enterprise: enterprise, rows: kind == .wide ? count : 1)
        return TemplateLayout(kind: kind, period: period, sheets: [data, info, notesSheet(schema: schema, kind: kind, period: period)])
    }

    /// `企业名称-2024年7月.xlsx`, with characters no file system accepts replaced.
    public static func fileName(enterprise: String, period: Period) -> String {
        let safe = String(enterprise.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
        return "\(safe)-\(period.chinese).xlsx"
    }
}

extension TemplateLayout.Sheet {
    mutating func add(_ ref: CellRef, _ text: String?, _ role: TemplateLayout.Role,
                      _ format: TemplateLayout.Format = .general, formula: String? = nil) {
        cells.append(TemplateLayout.Cell(ref, text, role: role, format: format, formula: formula))
    }

    /// Keeps cells in row-major order, as the writer streams them.
    mutating func sortCells() {
        cells.sort { $0.ref < $1.ref }
    }
}

extension CellRef {
    init(_ row: Int, _ column: Int) { self.init(row: UInt32(row), column: UInt16(column)) }
}

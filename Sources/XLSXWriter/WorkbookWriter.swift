import SheetModel

/// State every sheet of a workbook shares while it is written.
final class WorkbookContext {
    var strings = SharedStringTable()
    var styles = StyleTable()
    var hasFormulas = false
    /// The output path once known, for error messages.
    var file = "（未保存的工作簿）"

    /// Dates written without a style still need a date format to show as dates.
    lazy var dateStyle: StyleID = styles.add(Style(numberFormat: "yyyy-mm-dd"))

    func invalid(_ message: String, sheet: String? = nil, cell: CellRef? = nil) -> SheetError {
        SheetError(.invalidArgument, file: file, message: message, sheet: sheet, cell: cell)
    }
}

extension SheetError.Code {
    /// The writer was asked for something Excel cannot hold (a bad sheet name, rows out of order…).
    public static let invalidArgument = SheetError.Code("write.invalid_argument")
}

/// Writes an .xlsx workbook: register styles, add sheets, stream their rows, then `save`.
///
/// ```swift
/// let book = WorkbookWriter(properties: .init(title: "园区月报", author: "统计办"))
/// let money = book.addStyle(Style(numberFormat: "#,##0.00"))
/// let sheet = try book.addSheet("汇总")
/// try sheet.writeRow([.text("企业"), .text("营业收入")])
/// try sheet.writeRow([.text("甲公司"), .number(1234.5, style: money)])
/// try book.save(to: "out.xlsx")
/// ```
///
/// The same calls give the same bytes when `properties.created` is fixed.
public final class WorkbookWriter {
    public var properties: DocumentProperties
    /// Deflate level 1 (fastest) … 9 (smallest).
    public var compressionLevel: Int
    public private(set) var sheets: [SheetWriter] = []
    private var names: [DefinedName] = []
    let context = WorkbookContext()

    public init(properties: DocumentProperties = DocumentProperties(), compressionLevel: Int = 6) {
        self.properties = properties
        self.compressionLevel = compressionLevel
    }

    /// Registers a style; equal styles get the same id.
    public func addStyle(_ style: Style) -> StyleID { context.styles.add(style) }

    /// Adds a sheet at the end. Names follow Excel's rules: 1–31 characters, none of `[]:*?/\`,
    /// not starting or ending with `'`, unique ignoring case.
    public func addSheet(_ name: String) throws -> SheetWriter {
        if name.isEmpty || name.count > 31 {
            throw context.invalid("工作表名称「\(name)」须为 1 到 31 个字符")
        }
        if name.contains(where: { "[]:*?/\\".contains($0) }) || name.hasPrefix("'") || name.hasSuffix("'") {
            throw context.invalid("工作表名称「\(name)」不能含有 [ ] : * ? / \\，也不能以单引号开头或结尾")
        }
        if sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            throw context.invalid("工作表名称「\(name)」重复")
        }
        let sheet = try SheetWriter(name: name, context: context)
        sheets.append(sheet)
        return sheet
    }

    /// A name for formulas and validation lists, e.g. `DefinedName("行业", refersTo: "'说明'!$A$2:$A$9")`.
    public func defineName(_ name: DefinedName) { names.append(name) }

    /// Writes the workbook to a temporary file beside `path` and renames it into place.
    /// Sheets may keep streaming rows afterwards and be saved again.
    public func save(to path: String) throws {
        context.file = path
        if sheets.isEmpty { throw context.invalid("工作簿至少需要一个工作表") }
        try Packager(book: self).write(to: path)
    }

    /// Defined names: the caller's, then per sheet its filter range and print titles.
    func definedNames() -> [DefinedName] {
        var all = names
        for (i, sheet) in sheets.enumerated() {
            if let range = sheet.autoFilterRange {
                all.append(DefinedName("_xlnm._FilterDatabase", refersTo: range.absolute(on: sheet.name),
                                       localSheet: i, hidden: true))
            }
            if let rows = sheet.print?.repeatRows {
                let ref = WorkbookPart.quotedSheet(sheet.name) + "!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)"
                all.append(DefinedName("_xlnm.Print_Titles", refersTo: ref, localSheet: i))
            }
        }
        return all
    }
}

@available(*, unavailable) extension WorkbookWriter: Sendable {}

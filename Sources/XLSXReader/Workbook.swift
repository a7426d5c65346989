import SheetModel
import ZipXML

/// An open .xlsx/.xlsm package. The package is found by its relationships
/// (`_rels/.rels` → officeDocument → workbook relationships), never by fixed paths.
public final class Workbook {
    public let path: String
    /// Every sheet the workbook lists, in workbook order (chartsheets, dialog and macro sheets too).
    public let sheets: [SheetInfo]
    public let dateSystem: DateSystem
    let archive: ZipArchive
    let sharedStrings: [String]
    let styles: Styles

    public convenience init(path: String, limits: ZipLimits = .default) throws {
        try self.init(path: path, archive: ZipArchive(path: path, limits: limits))
    }

    /// A workbook whose file is already in memory (see `FileBytes`); `path` names it in messages.
    public convenience init(path: String, bytes: FileBytes, limits: ZipLimits = .default) throws {
        try self.init(path: path, archive: ZipArchive(path: path, bytes: bytes, limits: limits))
    }

    private init(path: String, archive: ZipArchive) throws {
        self.path = path
        self.archive = archive
        let workbookPart = try Workbook.findWorkbookPart(archive)

        let book = WorkbookPartHandler()
        try PackagePart.parse(workbookPart, in: archive, with: book)
        guard book.sawWorkbookRoot else {
            throw SheetError(.notXLSX, file: path, message: "这是其他 Office 文档（如 Word 或 PowerPoint），不是 Excel 工作簿，请另存为 .xlsx", part: workbookPart)
        }
        dateSystem = book.date1904 ? .d1904 : .d1900

        let relsPart = PackagePart.relationshipsPart(of: workbookPart)
        guard let rels = try RelationshipsHandler.read(relsPart, in: archive) else {
            throw SheetError(.missingPart, file: path, message: "文件已损坏：缺少工作簿关系部件，无法找到工作表，请重新导出", part: relsPart)
        }
        var byID: [String: Relationship] = [:]
        for r in rels where byID[r.id] == nil { byID[r.id] = r }
        func target(_ r: Relationship) -> String? {
            guard !r.external else { return nil }
            let part = PackagePart.resolve(r.target, from: workbookPart)
            return archive.contains(part) ? part : nil
        }
        sheets = book.entries.map { entry in
            let rel = entry.relationshipID.flatMap { byID[$0] }
            let kind: SheetKind
            switch rel?.kind.lowercased() {
            case "chartsheet": kind = .chartsheet
            case "dialogsheet": kind = .dialogsheet
            case "xlmacrosheet", "xlintlmacrosheet", "macrosheet": kind = .macrosheet
            default: kind = .worksheet
            }
            return SheetInfo(name: entry.name, state: entry.state, kind: kind, part: rel.flatMap(target))
        }

        let strings = SharedStringsHandler()
        if let part = rels.first(where: { $0.kind == "sharedStrings" }).flatMap(target) {
            try PackagePart.parse(part, in: archive, with: strings)
        }
        sharedStrings = strings.strings
        let styleHandler = StylesHandler()
        if let part = rels.first(where: { $0.kind == "styles" }).flatMap(target) {
            try PackagePart.parse(part, in: archive, with: styleHandler)
        }
        styles = styleHandler.styles
    }

    /// Scoped access: the workbook is closed when `body` returns.
    public static func open<T>(at path: String, limits: ZipLimits = .default, _ body: (Workbook) throws -> T) throws -> T {
        try body(Workbook(path: path, limits: limits))
    }

    /// The rows of the sheet with this name.
    public func rows(inSheet name: String) throws -> SheetRows {
        guard let i = sheets.firstIndex(where: { $0.name == name }) else {
            throw SheetError(.noSuchSheet, file: path, message: "工作簿中没有名为「\(name)」的工作表", sheet: name)
        }
        return try rows(at: i)
    }

    /// The rows of the sheet at a workbook position; empty for sheets that hold no cells.
    public func rows(at index: Int) throws -> SheetRows {
        let sheet = sheets[index]
        let handler = SheetHandler(strings: sharedStrings, styles: styles, dateSystem: dateSystem)
        var stream: ChunkReader?
        if sheet.kind == .worksheet, let part = sheet.part {
            do {
                stream = try archive.openChunks(part)
            } catch var error as SheetError {
                error.sheet = sheet.name
                throw error
            }
        }
        return try SheetRows(owner: self, sheet: sheet, stream: stream, handler: handler)
    }

    /// Reads every worksheet into memory: for submissions and registries, which are small.
    public static func load(path: String, limits: ZipLimits = .default) throws -> WorkbookData {
        try load(Workbook(path: path, limits: limits))
    }

    /// `load(path:)` for a file already in memory.
    public static func load(path: String, bytes: FileBytes, limits: ZipLimits = .default) throws -> WorkbookData {
        try load(Workbook(path: path, bytes: bytes, limits: limits))
    }

    private static func load(_ book: Workbook) throws -> WorkbookData {
        let path = book.path
        var sheets: [SheetData] = []
        for (i, info) in book.sheets.enumerated() {
            let rows = try book.rows(at: i)
            var data = SheetData(name: info.name, state: info.state, kind: info.kind)
            while let row = try rows.next() { data.rows.append(row) }
            data.merged = rows.mergedRanges
            sheets.append(data)
        }
        return WorkbookData(path: path, dateSystem: book.dateSystem, sheets: sheets)
    }

    private static func findWorkbookPart(_ archive: ZipArchive) throws -> String {
        if let rels = try RelationshipsHandler.read("_rels/.rels", in: archive),
           let office = rels.first(where: { $0.kind == "officeDocument" && !$0.external }) {
            let part = PackagePart.resolve(office.target, from: "")
            if archive.contains(part) { return part }
        }
        // Some producers omit or break the package relationships; the conventional place still works.
        if archive.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        throw SheetError(.missingPart, file: archive.path, message: "文件已损坏或不是 Excel 工作簿：找不到工作簿部件 (workbook.xml)，请另存为 .xlsx 后重新发送")
    }
}

@available(*, unavailable) extension Workbook: Sendable {}

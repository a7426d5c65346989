import SheetModel
import ZipXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides part order, content types and relationships, and does the package's I/O. The order is
/// Excel's own and never depends on hashing, so the same workbook gives the same bytes.
struct Packager {
    let book: WorkbookWriter

    func write(to path: String) throws {
        let context = book.context
        let zip = try ZipWriter(path: path, compressionLevel: book.compressionLevel)
        func part(_ name: String, _ body: (inout XMLBytes) -> Void) throws {
            var xml = XMLBytes()
            body(&xml)
            try zip.add(name, bytes: xml.bytes)
        }
        let sheets = book.sheets
        let commented = sheets.filter { !$0.comments.isEmpty }.count
        try part("[Content_Types].xml") {
            ContentTypesPart(sheetCount: sheets.count, commentParts: commented).write(into: &$0)
        }
        try part("_rels/.rels") { RelationshipsPart.package.write(into: &$0) }
        try part("docProps/app.xml") { AppPropertiesPart(company: book.properties.company).write(into: &$0) }
        let created = book.properties.created ?? Packager.now()
        try part("docProps/core.xml") {
            CorePropertiesPart(title: book.properties.title, author: book.properties.author, created: created).write(into: &$0)
        }
        // Sheets go last in the zip but their rows are final now: flush them first so that the
        // shared strings and the formula flag below are complete.
        var rowFiles: [String] = []
        for sheet in sheets { rowFiles.append(try sheet.finishRows()) }
        try part("xl/workbook.xml") {
            WorkbookPart(sheets: sheets.map { ($0.name, $0.state) }, definedNames: book.definedNames(),
                         recalculate: context.hasFormulas).write(into: &$0)
        }
        try part("xl/_rels/workbook.xml.rels") { RelationshipsPart.workbook(sheetCount: sheets.count).write(into: &$0) }
        try part("xl/styles.xml") { StylesPart(table: context.styles).write(into: &$0) }
        try part("xl/sharedStrings.xml") { SharedStringsPart(table: context.strings).write(into: &$0) }
        let selected = sheets.firstIndex { $0.state == .visible } ?? 0
        // Notes are numbered over the sheets that have them, as Excel does; each drawing gets
        // its own shape-id blocks, counted from 1.
        var notes = 0, nextBlock = 1
        for (i, sheet) in sheets.enumerated() {
            let ws = sheet.part(selected: i == selected)
            var head = XMLBytes(), tail = XMLBytes()
            ws.writeHead(into: &head)
            ws.writeTail(into: &tail)
            try zip.add("xl/worksheets/sheet\(i + 1).xml",
                        segments: [.bytes(head.bytes), .file(path: rowFiles[i]), .bytes(tail.bytes)])
            guard !sheet.comments.isEmpty else { continue }
            notes += 1
            let comments = CommentsPart(sheet.comments)
            let drawing = VMLDrawingPart(cells: comments.comments.map(\.ref), firstBlock: nextBlock)
            nextBlock += drawing.blockCount
            try part("xl/worksheets/_rels/sheet\(i + 1).xml.rels") { RelationshipsPart.sheetComments(notes).write(into: &$0) }
            try part("xl/comments\(notes).xml") { comments.write(into: &$0) }
            try part("xl/drawings/vmlDrawing\(notes).vml") { drawing.write(into: &$0) }
        }
        try zip.commit()
    }

    /// The current UTC time, for workbooks that did not ask for a fixed one.
    static func now() -> CivilDateTime {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return CivilDateTime(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                             hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }
}

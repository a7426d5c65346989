import SheetModel

/// A note on one cell: the text Excel shows when the cell is hovered, and who wrote it.
struct CellComment: Hashable {
    var text: String
    var author: String
}

/// `xl/commentsN.xml` (ECMA-376 §18.7): the notes of one sheet. Excel needs the VML drawing
/// beside it to show them (`VMLDrawingPart`); this part only holds text and authors.
struct CommentsPart {
    /// Sorted by cell, row by row, as Excel lists them, so the bytes never depend on hashing.
    var comments: [(ref: CellRef, comment: CellComment)]

    init(_ comments: [CellRef: CellComment]) {
        self.comments = comments.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Distinct authors in order of first use; `authorId` indexes this list.
    var authors: [String] {
        var seen = Set<String>(), list: [String] = []
        for (_, c) in comments where seen.insert(c.author).inserted { list.append(c.author) }
        return list
    }

    func write(into xml: inout XMLBytes) {
        let authors = self.authors
        let authorID = Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1, $0) })
        xml.raw(xmlDeclaration)
        xml.raw(#"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>"#)
        for a in authors { xml.raw("<author>"); xml.text(a); xml.raw("</author>") }
        xml.raw("</authors><commentList>")
        for (ref, c) in comments {
            xml.raw(#"<comment ref=""#); xml.cellRef(row: ref.row, column: ref.column)
            xml.raw(#"" authorId=""#); xml.int(authorID[c.author]!)
            // Always preserve: notes are typed with line breaks and indents that must survive.
            xml.raw(#""><text><r><t xml:space="preserve">"#)
            xml.text(c.text)
            xml.raw("</t></r></text></comment>")
        }
        xml.raw("</commentList></comments>")
    }
}

extension SheetWriter {
    /// Attaches a note to a cell, hidden until the cell is hovered, as Excel's 新建批注 does.
    /// The cell need not have a value. Text may span lines (`\n`). A second note on the same
    /// cell replaces the first, since a cell holds only one.
    public func addComment(_ text: String, at cell: CellRef, author: String = "") throws {
        guard cell.row < CellRef.maxRows, cell.column < CellRef.maxColumns else {
            throw context.invalid("批注位置超出 Excel 的表格范围（1048576 行 × 16384 列）", sheet: name, cell: cell)
        }
        comments[cell] = CellComment(text: text, author: author)
    }
}

import SheetModel

/// `xl/drawings/vmlDrawingN.vml`: the note boxes of one sheet. Excel draws comments only
/// through this legacy VML, never from `CommentsPart` alone, and LibreOffice and openpyxl write
/// the same shapes. The text stays in the comments part; the shapes carry position only.
struct VMLDrawingPart {
    /// Commented cells in `CommentsPart` order.
    var cells: [CellRef]
    /// First 1024-id block of this drawing: shape ids must be unique in the workbook, so the
    /// packager hands each drawing its own run of blocks (`o:idmap`).
    var firstBlock: Int

    /// Blocks this drawing uses. Id 1024·block + 0 is never a shape (Excel starts at 1025).
    var blockCount: Int { max(1, (cells.count + 1022) / 1023) }

    func write(into xml: inout XMLBytes) {
        xml.raw(#"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" "#)
        xml.raw(#"xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data=""#)
        for b in 0..<blockCount {
            if b > 0 { xml.raw(",") }
            xml.int(firstBlock + b)
        }
        xml.raw(#""/></o:shapelayout>"#)
        // 202 is the text box shape type every note refers to.
        xml.raw(#"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">"#)
        xml.raw(#"<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#)
        for (i, cell) in cells.enumerated() { writeShape(i, cell, into: &xml) }
        xml.raw("</xml>")
    }

    private func writeShape(_ i: Int, _ cell: CellRef, into xml: inout XMLBytes) {
        let a = VMLDrawingPart.anchor(cell)
        xml.raw(#"<v:shape id="_x0000_s"#); xml.int(1024 * (firstBlock + i / 1023) + 1 + i % 1023)
        xml.raw(##"" type="#_x0000_t202" style="position:absolute;margin-left:"##)
        // Positions in points for default-sized cells (64 × 20 px, 0.75 pt/px); Excel and
        // LibreOffice place the box from x:Anchor, this is the fallback for other readers.
        xml.number(Double(Int(a.left) * 64 + 15) * 0.75)
        xml.raw("pt;margin-top:")
        xml.number(Double(Int(a.top) * 20 + a.topOffset) * 0.75)
        xml.raw("pt;width:96pt;height:55.5pt;z-index:"); xml.int(i + 1)
        xml.raw(##";visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>"##)
        xml.raw(#"<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>"#)
        xml.raw(#"<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"#)
        xml.raw(#"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>"#)
        xml.int(a.left); xml.raw(", 15, "); xml.int(a.top); xml.raw(", "); xml.int(a.topOffset); xml.raw(", ")
        xml.int(a.left + 2); xml.raw(", 15, "); xml.int(a.top + a.rows); xml.raw(", "); xml.int(a.topOffset + 74 - 20 * Int(a.rows))
        xml.raw("</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>"); xml.int(cell.row)
        xml.raw("</x:Row><x:Column>"); xml.int(cell.column)
        xml.raw("</x:Column></x:ClientData></v:shape>")
    }

    /// Excel's default note box, 128 × 74 px: one column right of the cell, starting a row above
    /// it, spanning two columns; pulled back inside the grid at its right and bottom edges.
    static func anchor(_ cell: CellRef) -> (left: UInt16, top: UInt32, topOffset: Int, rows: UInt32) {
        let left = min(cell.column + 1, CellRef.maxColumns - 3)
        if cell.row == 0 { return (left, 0, 2, 3) }
        return (left, min(cell.row - 1, CellRef.maxRows - 5), 10, 4)
    }
}

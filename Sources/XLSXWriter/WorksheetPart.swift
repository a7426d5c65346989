import SheetModel

/// `xl/worksheets/sheetN.xml` around its streamed rows: `head` ends with `<sheetData>`, `tail`
/// starts with `</sheetData>`. CT_Worksheet is a sequence, so the order below is mandatory.
struct WorksheetPart {
    var columns: [UInt16: ColumnFormat]
    var frozen: (rows: UInt32, columns: UInt16)?
    var merges: [CellRange]
    var autoFilter: CellRange?
    var validations: [DataValidation]
    var protection: SheetProtection?
    var print: PrintSetup?
    var defaultRowHeight: Double
    var dimension: CellRange?
    var selected: Bool
    /// Relationship id of the notes' VML drawing, when the sheet has notes.
    var legacyDrawing: String? = nil

    func writeHead(into xml: inout XMLBytes) {
        xml.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        xml.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        if let print, print.fitToWidth { xml.raw(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#) }
        xml.raw(#"<dimension ref=""#)
        xml.raw(dimension?.description ?? "A1")
        xml.raw(#""/><sheetViews><sheetView"#)
        if selected { xml.raw(#" tabSelected="1""#) }
        xml.raw(#" workbookViewId="0""#)
        if let frozen { writePane(frozen, into: &xml) } else { xml.raw("/>") }
        xml.raw(#"</sheetViews><sheetFormatPr defaultRowHeight=""#)
        xml.number(defaultRowHeight)
        xml.raw(#""/>"#)
        writeColumns(into: &xml)
        xml.raw("<sheetData>")
    }

    func writeTail(into xml: inout XMLBytes) {
        xml.raw("</sheetData>")
        if let protection {
            xml.raw("<sheetProtection")
            if let password = protection.password, !password.isEmpty {
                xml.raw(#" password=""#); xml.raw(SheetProtection.legacyHash(password)); xml.raw(#"""#)
            }
            xml.raw(#" sheet="1" objects="1" scenarios="1""#)
            // In CT_SheetProtection "0" means "not protected", i.e. allowed.
            if protection.allowFormatColumns { xml.raw(#" formatColumns="0""#) }
            if protection.allowSort { xml.raw(#" sort="0""#) }
            if protection.allowAutoFilter { xml.raw(#" autoFilter="0""#) }
            xml.raw("/>")
        }
        if let autoFilter { xml.raw(#"<autoFilter ref=""#); xml.raw(autoFilter.description); xml.raw(#""/>"#) }
        if !merges.isEmpty {
            xml.raw(#"<mergeCells count=""#); xml.int(merges.count); xml.raw(#"">"#)
            for m in merges { xml.raw(#"<mergeCell ref=""#); xml.raw(m.description); xml.raw(#""/>"#) }
            xml.raw("</mergeCells>")
        }
        if !validations.isEmpty {
            xml.raw(#"<dataValidations count=""#); xml.int(validations.count); xml.raw(#"">"#)
            for v in validations { v.write(into: &xml) }
            xml.raw("</dataValidations>")
        }
        if let print, print.centerHorizontally { xml.raw(#"<printOptions horizontalCentered="1"/>"#) }
        xml.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        if let print {
            xml.raw(#"<pageSetup paperSize=""#); xml.int(print.paper.rawValue)
            xml.raw(#"" orientation=""#); xml.raw(print.orientation.rawValue); xml.raw(#"""#)
            if print.fitToWidth { xml.raw(#" fitToWidth="1" fitToHeight="0""#) }
            xml.raw("/>")
        }
        // After pageSetup (and headerFooter, breaks, drawing), before legacyDrawingHF and tableParts.
        if let legacyDrawing { xml.raw(#"<legacyDrawing r:id=""#); xml.raw(legacyDrawing); xml.raw(#""/>"#) }
        xml.raw("</worksheet>")
    }

    private func writePane(_ f: (rows: UInt32, columns: UInt16), into xml: inout XMLBytes) {
        let pane: StaticString = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight"
        xml.raw("><pane")
        if f.columns > 0 { xml.raw(#" xSplit=""#); xml.int(f.columns); xml.raw(#"""#) }
        if f.rows > 0 { xml.raw(#" ySplit=""#); xml.int(f.rows); xml.raw(#"""#) }
        xml.raw(#" topLeftCell=""#); xml.cellRef(row: f.rows, column: f.columns)
        xml.raw(#"" activePane=""#); xml.raw(pane); xml.raw(#"" state="frozen"/><selection pane=""#)
        xml.raw(pane); xml.raw(#"" activeCell=""#); xml.cellRef(row: f.rows, column: f.columns)
        xml.raw(#"" sqref=""#); xml.cellRef(row: f.rows, column: f.columns); xml.raw(#""/></sheetView>"#)
    }

    /// `<col>` runs: adjacent columns with equal settings share one element, in column order.
    private func writeColumns(into xml: inout XMLBytes) {
        guard !columns.isEmpty else { return }
        xml.raw("<cols>")
        let sorted = columns.keys.sorted()
        var i = 0
        while i < sorted.count {
            let first = sorted[i], format = columns[first]!
            var last = first
            while i + 1 < sorted.count, sorted[i + 1] == last + 1, columns[sorted[i + 1]] == format {
                i += 1
                last = sorted[i]
            }
            i += 1
            xml.raw(#"<col min=""#); xml.int(Int(first) + 1)
            xml.raw(#"" max=""#); xml.int(Int(last) + 1)
            // Excel insists on a width; 9.140625 is its default for Calibri 11.
            xml.raw(#"" width=""#); xml.number(format.width ?? 9.140625); xml.raw(#"""#)
            if let style = format.style, style.index != 0 { xml.raw(#" style=""#); xml.int(style.index); xml.raw(#"""#) }
            if format.hidden { xml.raw(#" hidden="1""#) }
            if format.width != nil { xml.raw(#" customWidth="1""#) }
            xml.raw("/>")
        }
        xml.raw("</cols>")
    }
}

extension SheetWriter {
    /// The part as it stands, with widths fitted from what was streamed.
    func part(selected: Bool) -> WorksheetPart {
        var columns = self.columns
        if let fit {
            for (c, w) in measured.enumerated() where w > 0 && columns[UInt16(c)]?.width == nil {
                columns[UInt16(c), default: ColumnFormat()].width =
                    ColumnWidth.fitted(displayWidth: w, minimum: fit.minimum, maximum: fit.maximum)
            }
        }
        let dimension = firstRow.map {
            CellRange(first: CellRef(row: $0, column: minColumn), last: CellRef(row: lastRow, column: maxColumn))
        }
        return WorksheetPart(columns: columns, frozen: frozen, merges: merges, autoFilter: autoFilterRange,
                             validations: validations, protection: protection, print: print,
                             defaultRowHeight: defaultRowHeight, dimension: dimension, selected: selected,
                             legacyDrawing: comments.isEmpty ? nil : RelationshipsPart.legacyDrawingID)
    }
}

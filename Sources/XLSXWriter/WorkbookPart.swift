import SheetModel

/// A workbook-level name: `_xlnm.Print_Titles`, `_xlnm._FilterDatabase`, or one of the caller's.
public struct DefinedName: Sendable, Hashable {
    public var name: String
    /// A formula without "=", e.g. `'说明'!$A$2:$A$20`.
    public var refersTo: String
    /// Index of the sheet the name is local to; nil is workbook-wide.
    public var localSheet: Int?
    public var hidden: Bool

    public init(_ name: String, refersTo: String, localSheet: Int? = nil, hidden: Bool = false) {
        self.name = name
        self.refersTo = refersTo
        self.localSheet = localSheet
        self.hidden = hidden
    }
}

/// `xl/workbook.xml`.
struct WorkbookPart {
    var sheets: [(name: String, state: SheetState)]
    var definedNames: [DefinedName]
    /// Cached formula values may be absent or stale, so Excel should recalculate on open.
    var recalculate: Bool

    func write(into xml: inout XMLBytes) {
        xml.raw(xmlDeclaration)
        xml.raw(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        xml.raw(#"<workbookPr/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660""#)
        // The active tab must be a visible sheet.
        let active = sheets.firstIndex { $0.state == .visible } ?? 0
        if active != 0 { xml.raw(#" activeTab=""#); xml.int(active); xml.raw(#"""#) }
        xml.raw("/></bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            xml.raw(#"<sheet name=""#); xml.attribute(sheet.name)
            xml.raw(#"" sheetId=""#); xml.int(i + 1); xml.raw(#"""#)
            if sheet.state != .visible { xml.raw(#" state=""#); xml.raw(sheet.state.rawValue); xml.raw(#"""#) }
            xml.raw(#" r:id="rId"#); xml.int(i + 1); xml.raw(#""/>"#)
        }
        xml.raw("</sheets>")
        if !definedNames.isEmpty {
            xml.raw("<definedNames>")
            for n in definedNames {
                xml.raw(#"<definedName name=""#); xml.attribute(n.name); xml.raw(#"""#)
                if let local = n.localSheet { xml.raw(#" localSheetId=""#); xml.int(local); xml.raw(#"""#) }
                if n.hidden { xml.raw(#" hidden="1""#) }
                xml.raw(">"); xml.text(n.refersTo); xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw(recalculate ? #"<calcPr calcId="191029" fullCalcOnLoad="1"/>"# : #"<calcPr calcId="191029"/>"#)
        xml.raw("</workbook>")
    }

    /// A sheet name as formulas need it: always quoted, quotes doubled.
    static func quotedSheet(_ name: String) -> String {
        "'" + doublingQuotes(name, "'") + "'"
    }
}

/// `s` with every `quote` doubled, as formulas escape quotes inside quotes.
func doublingQuotes(_ s: String, _ quote: Character) -> String {
    var out = ""
    for c in s {
        out.append(c)
        if c == quote { out.append(c) }
    }
    return out
}

import SheetModel

/// Document properties shown in Excel's 信息 pane. `created` nil means now; give a fixed value
/// for reproducible bytes.
public struct DocumentProperties: Sendable, Hashable {
    public var title: String?
    public var author: String?
    public var company: String?
    public var created: CivilDateTime?

    public init(title: String? = nil, author: String? = nil, company: String? = nil, created: CivilDateTime? = nil) {
        self.title = title
        self.author = author
        self.company = company
        self.created = created
    }
}

enum Namespace {
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}

let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

/// `[Content_Types].xml`.
struct ContentTypesPart {
    var sheetCount: Int
    /// Sheets with notes; their parts are `xl/comments1.xml` … in sheet order.
    var commentParts = 0

    func write(into xml: inout XMLBytes) {
        let ct = "application/vnd.openxmlformats-officedocument."
        xml.raw(xmlDeclaration)
        xml.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        xml.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        xml.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        // Only when there are notes, so workbooks without them keep their bytes.
        if commentParts > 0 { xml.raw(#"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#) }
        func override(_ part: String, _ type: String) {
            xml.raw(#"<Override PartName=""# + part + #"" ContentType=""# + type + #""/>"#)
        }
        override("/docProps/app.xml", ct + "extended-properties+xml")
        override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        override("/xl/workbook.xml", ct + "spreadsheetml.sheet.main+xml")
        override("/xl/styles.xml", ct + "spreadsheetml.styles+xml")
        override("/xl/sharedStrings.xml", ct + "spreadsheetml.sharedStrings+xml")
        for i in 0..<sheetCount {
            override("/xl/worksheets/sheet\(i + 1).xml", ct + "spreadsheetml.worksheet+xml")
        }
        for n in 0..<commentParts {
            override("/xl/comments\(n + 1).xml", ct + "spreadsheetml.comments+xml")
        }
        xml.raw("</Types>")
    }
}

/// A `.rels` part: relationships in the order given, numbered rId1, rId2, …
struct RelationshipsPart {
    /// (type suffix after officeDocument/2006/relationships/ or a full URI, target)
    var relationships: [(type: String, target: String)]

    /// `_rels/.rels`.
    static let package = RelationshipsPart(relationships: [
        (Namespace.officeRel + "/officeDocument", "xl/workbook.xml"),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        (Namespace.officeRel + "/extended-properties", "docProps/app.xml"),
    ])

    /// `xl/_rels/workbook.xml.rels`: sheets first, so sheet N is rIdN.
    static func workbook(sheetCount: Int) -> RelationshipsPart {
        var rels = (0..<sheetCount).map { (Namespace.officeRel + "/worksheet", "worksheets/sheet\($0 + 1).xml") }
        rels.append((Namespace.officeRel + "/styles", "styles.xml"))
        rels.append((Namespace.officeRel + "/sharedStrings", "sharedStrings.xml"))
        return RelationshipsPart(relationships: rels)
    }

    /// `xl/worksheets/_rels/sheetN.xml.rels` of a sheet with notes (the only reason a sheet has
    /// relationships so far). The drawing is rId1, as Excel numbers it, for `<legacyDrawing>`.
    static func sheetComments(_ n: Int) -> RelationshipsPart {
        RelationshipsPart(relationships: [
            (Namespace.officeRel + "/vmlDrawing", "../drawings/vmlDrawing\(n).vml"),
            (Namespace.officeRel + "/comments", "../comments\(n).xml"),
        ])
    }
    static let legacyDrawingID = "rId1"

    func write(into xml: inout XMLBytes) {
        xml.raw(xmlDeclaration)
        xml.raw(#"<Relationships xmlns=""# + Namespace.relationships + #"">"#)
        for (i, rel) in relationships.enumerated() {
            xml.raw(#"<Relationship Id="rId"#); xml.int(i + 1)
            xml.raw(#"" Type=""#); xml.raw(rel.type)
            xml.raw(#"" Target=""#); xml.raw(rel.target); xml.raw(#""/>"#)
        }
        xml.raw("</Relationships>")
    }
}

/// `docProps/app.xml`.
struct AppPropertiesPart {
    var company: String?

    func write(into xml: inout XMLBytes) {
        xml.raw(xmlDeclaration)
        xml.raw(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#)
        xml.raw(#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#)
        xml.raw("<Application>parkstat</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        if let company { xml.raw("<Company>"); xml.text(company); xml.raw("</Company>") }
        xml.raw("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>")
        xml.raw("<HyperlinksChanged>false</HyperlinksChanged></Properties>")
    }
}

/// `docProps/core.xml`.
struct CorePropertiesPart {
    var title: String?
    var author: String?
    var created: CivilDateTime

    func write(into xml: inout XMLBytes) {
        xml.raw(xmlDeclaration)
        xml.raw(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#)
        xml.raw(#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#)
        xml.raw(#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        if let title { xml.raw("<dc:title>"); xml.text(title); xml.raw("</dc:title>") }
        if let author {
            xml.raw("<dc:creator>"); xml.text(author); xml.raw("</dc:creator>")
            xml.raw("<cp:lastModifiedBy>"); xml.text(author); xml.raw("</cp:lastModifiedBy>")
        }
        let stamp = CorePropertiesPart.w3cdtf(created)
        xml.raw(#"<dcterms:created xsi:type="dcterms:W3CDTF">"# + stamp + "</dcterms:created>")
        xml.raw(#"<dcterms:modified xsi:type="dcterms:W3CDTF">"# + stamp + "</dcterms:modified>")
        xml.raw("</cp:coreProperties>")
    }

    /// "2024-03-01T08:30:00Z" (UTC, whole seconds).
    static func w3cdtf(_ t: CivilDateTime) -> String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(t.year, 4))-\(pad(t.month, 2))-\(pad(t.day, 2))T\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))Z"
    }
}

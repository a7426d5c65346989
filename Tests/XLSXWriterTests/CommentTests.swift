import Foundation
import SheetModel
import Testing
import TestSupport
import XLSXReader
import ZipXML
@testable import XLSXWriter

/// Cell notes: the comments part, its VML drawing, the sheet's relationships and content types.
@Suite struct CommentTests {
    private func xml(_ body: (inout XMLBytes) -> Void) -> String {
        var x = XMLBytes()
        body(&x)
        return String(decoding: x.bytes, as: UTF8.self)
    }

    private let decl = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private let ct = "application/vnd.openxmlformats-officedocument."

    @Test func commentsPartSortsByCellSharesAuthorsAndEscapes() {
        let part = CommentsPart([
            CellRef("C2")!: CellComment(text: "单位：万元 & <含税>", author: "审核"),
            CellRef("B3")!: CellComment(text: "请核对\n本月数\u{1}", author: "统计办"),
            CellRef("A2")!: CellComment(text: "_x0041_", author: "统计办"),
        ])
        #expect(part.authors == ["统计办", "审核"])
        #expect(xml { part.write(into: &$0) } == decl
            + #"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + "<authors><author>统计办</author><author>审核</author></authors><commentList>"
            + #"<comment ref="A2" authorId="0"><text><r><t xml:space="preserve">_x005F_x0041_</t></r></text></comment>"#
            + #"<comment ref="C2" authorId="1"><text><r><t xml:space="preserve">单位：万元 &amp; &lt;含税&gt;</t></r></text></comment>"#
            + #"<comment ref="B3" authorId="0"><text><r><t xml:space="preserve">请核对\#n本月数_x0001_</t></r></text></comment>"#
            + "</commentList></comments>")
    }

    @Test func vmlDrawingOneHiddenNotePerCell() {
        let part = VMLDrawingPart(cells: [CellRef("A1")!, CellRef("B3")!], firstBlock: 1)
        let shape = { (id: Int, left: String, top: String, z: Int, anchor: String, row: Int, column: Int) in
            ##"<v:shape id="_x0000_s\##(id)" type="#_x0000_t202" style="position:absolute;margin-left:\##(left)pt;"##
                + ##"margin-top:\##(top)pt;width:96pt;height:55.5pt;z-index:\##(z);visibility:hidden" fillcolor="#ffffe1" "##
                + ##"o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>"##
                + #"<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"#
                + #"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>\#(anchor)</x:Anchor>"#
                + "<x:AutoFill>False</x:AutoFill><x:Row>\(row)</x:Row><x:Column>\(column)</x:Column></x:ClientData></v:shape>"
        }
        #expect(xml { part.write(into: &$0) }
            == #"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" "#
            + #"xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>"#
            + #"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">"#
            + #"<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#
            + shape(1025, "59.25", "1.5", 1, "1, 15, 0, 2, 3, 15, 3, 16", 0, 0)
            + shape(1026, "107.25", "22.5", 2, "2, 15, 1, 10, 4, 15, 5, 4", 2, 1)
            + "</xml>")
    }

    @Test func vmlShapeIdsStayUniqueBeyondOneBlock() {
        let cells = (0..<1024).map { CellRef(row: UInt32($0), column: 0) }
        let part = VMLDrawingPart(cells: cells, firstBlock: 2)
        #expect(part.blockCount == 2)
        let s = xml { part.write(into: &$0) }
        #expect(s.contains(#"<o:idmap v:ext="edit" data="2,3"/>"#))
        #expect(s.contains(#"id="_x0000_s3071""#) && s.contains(#"id="_x0000_s3073""#) && !s.contains(#"id="_x0000_s3072""#))
        // Notes at the grid's far edge are pulled back inside it.
        let edge = VMLDrawingPart.anchor(CellRef(row: CellRef.maxRows - 1, column: CellRef.maxColumns - 1))
        #expect(edge.left + 2 < CellRef.maxColumns && edge.top + edge.rows < CellRef.maxRows)
    }

    @Test func contentTypesAndSheetRelationshipsWithComments() {
        let s = xml { ContentTypesPart(sheetCount: 2, commentParts: 2).write(into: &$0) }
        #expect(s.contains(#"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
            + #"<Override PartName="/docProps/app.xml""#))
        #expect(s.hasSuffix(#"<Override PartName="/xl/worksheets/sheet2.xml" ContentType="\#(ct)spreadsheetml.worksheet+xml"/>"#
            + #"<Override PartName="/xl/comments1.xml" ContentType="\#(ct)spreadsheetml.comments+xml"/>"#
            + #"<Override PartName="/xl/comments2.xml" ContentType="\#(ct)spreadsheetml.comments+xml"/></Types>"#))
        #expect(!xml { ContentTypesPart(sheetCount: 2).write(into: &$0) }.contains("vml"))

        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        #expect(xml { RelationshipsPart.sheetComments(2).write(into: &$0) } == decl
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(r)vmlDrawing" Target="../drawings/vmlDrawing2.vml"/>"#
            + #"<Relationship Id="rId2" Type="\#(r)comments" Target="../comments2.xml"/></Relationships>"#)
    }

    @Test func legacyDrawingAfterPageSetup() {
        let part = WorksheetPart(columns: [:], frozen: nil, merges: [], autoFilter: nil, validations: [], protection: nil,
                                 print: PrintSetup(), defaultRowHeight: 15, dimension: nil, selected: false,
                                 legacyDrawing: "rId1")
        #expect(xml { part.writeTail(into: &$0) } == "</sheetData>"
            + #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="portrait"/><legacyDrawing r:id="rId1"/></worksheet>"#)
    }

    /// Notes on the second and third sheets: parts numbered over commented sheets only, the first
    /// sheet's bytes and the values untouched, nothing extra in a workbook without notes.
    @Test func workbookWithCommentsOnSomeSheets() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func make(_ path: String, comments: Bool) throws {
            let book = WorkbookWriter(properties: .init(created: SampleWorkbook.created))
            for name in ["甲", "乙", "丙"] {
                let sheet = try book.addSheet(name)
                try sheet.writeRow([.text("企业"), .number(1.5)])
                if comments && name != "甲" {
                    try sheet.addComment("第一稿", at: CellRef("B1")!, author: "统计办")
                    try sheet.addComment("以此为准\n（已核）", at: CellRef("B1")!, author: "统计办")
                    try sheet.addComment("空单元格也可以", at: CellRef("D9")!)
                }
            }
            try book.save(to: path)
        }
        let plain = dir.appendingPathComponent("plain.xlsx").path, noted = dir.appendingPathComponent("noted.xlsx").path
        try make(plain, comments: false)
        try make(noted, comments: true)

        let p = try ZipArchive(path: plain), n = try ZipArchive(path: noted)
        #expect(!p.entryNames.contains { $0.contains("comments") || $0.contains("vml") || $0.contains("worksheets/_rels") })
        #expect(Array(n.entryNames.suffix(8)) == [
            "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
            "xl/worksheets/sheet3.xml", "xl/worksheets/_rels/sheet3.xml.rels", "xl/comments2.xml", "xl/drawings/vmlDrawing2.vml",
        ])
        #expect(try p.read("xl/worksheets/sheet1.xml") == n.read("xl/worksheets/sheet1.xml"))
        let sheet2 = String(decoding: try #require(try n.read("xl/worksheets/sheet2.xml")), as: UTF8.self)
        #expect(sheet2.hasSuffix(#"<legacyDrawing r:id="rId1"/></worksheet>"#))
        let comments = String(decoding: try #require(try n.read("xl/comments2.xml")), as: UTF8.self)
        #expect(comments.contains(#"<authors><author>统计办</author><author></author></authors>"#))
        #expect(comments.contains(#"<comment ref="B1" authorId="0"><text><r><t xml:space="preserve">以此为准"# + "\n（已核）"))
        #expect(!comments.contains("第一稿"))
        let vml2 = String(decoding: try #require(try n.read("xl/drawings/vmlDrawing2.vml")), as: UTF8.self)
        #expect(vml2.contains(#"data="2""#) && vml2.contains(#"id="_x0000_s2049""#) && vml2.contains("<x:Row>8</x:Row><x:Column>3</x:Column>"))

        let book = try Workbook.load(path: noted)
        #expect(book.sheets.map(\.name) == ["甲", "乙", "丙"])
        for sheet in book.sheets {
            #expect(sheet[CellRef("B1")!] == .number(1.5))
            #expect(sheet.rows.count == 1)
        }
    }

    @Test func rejectsCommentsOutsideTheGrid() throws {
        let sheet = try WorkbookWriter().addSheet("汇总")
        let error = try #require(throws: SheetError.self) {
            try sheet.addComment("越界", at: CellRef(row: CellRef.maxRows, column: 0))
        }
        #expect(error.code == .invalidArgument)
        #expect(sheet.comments.isEmpty)
    }
}

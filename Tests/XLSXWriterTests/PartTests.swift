import SheetModel
import Testing
@testable import XLSXWriter

/// Each part's XML compared with a literal.
@Suite struct PartTests {
    private func xml(_ body: (inout XMLBytes) -> Void) -> String {
        var x = XMLBytes()
        body(&x)
        return String(decoding: x.bytes, as: UTF8.self)
    }

    private let decl = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    @Test func contentTypes() {
        let s = xml { ContentTypesPart(sheetCount: 2).write(into: &$0) }
        let ct = "application/vnd.openxmlformats-officedocument."
        #expect(s == decl + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="\#(ct)extended-properties+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(ct)spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(ct)spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(ct)spreadsheetml.sharedStrings+xml"/>"#
            + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(ct)spreadsheetml.worksheet+xml"/>"#
            + #"<Override PartName="/xl/worksheets/sheet2.xml" ContentType="\#(ct)spreadsheetml.worksheet+xml"/>"#
            + "</Types>")
    }

    @Test func workbookRelationships() {
        let s = xml { RelationshipsPart.workbook(sheetCount: 1).write(into: &$0) }
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        #expect(s == decl + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(r)worksheet" Target="worksheets/sheet1.xml"/>"#
            + #"<Relationship Id="rId2" Type="\#(r)styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(r)sharedStrings" Target="sharedStrings.xml"/>"#
            + "</Relationships>")
    }

    @Test func coreProperties() {
        let created = CivilDateTime(year: 2024, month: 3, day: 1, hour: 8, minute: 5, second: 9)
        let s = xml { CorePropertiesPart(title: "园区月报 & 汇总", author: "统计办", created: created).write(into: &$0) }
        #expect(s.contains("<dc:title>园区月报 &amp; 汇总</dc:title><dc:creator>统计办</dc:creator>"))
        #expect(s.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T08:05:09Z</dcterms:created>"#))
    }

    @Test func workbookWithDefinedNames() {
        let part = WorkbookPart(
            sheets: [("汇总", .visible), ("O'Brien", .hidden)],
            definedNames: [DefinedName("_xlnm._FilterDatabase", refersTo: CellRange("A2:F9")!.absolute(on: "汇总"),
                                       localSheet: 0, hidden: true),
                           DefinedName("_xlnm.Print_Titles", refersTo: "'汇总'!$1:$2", localSheet: 0)],
            recalculate: false)
        let s = xml { part.write(into: &$0) }
        #expect(s == decl + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + #"<workbookPr/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews>"#
            + #"<sheets><sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="O'Brien" sheetId="2" state="hidden" r:id="rId2"/></sheets>"#
            + #"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'汇总'!$A$2:$F$9</definedName>"#
            + #"<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总'!$1:$2</definedName></definedNames>"#
            + #"<calcPr calcId="191029"/></workbook>"#)
        #expect(WorkbookPart.quotedSheet("O'Brien") == "'O''Brien'")
    }

    @Test func sharedStrings() {
        var table = SharedStringTable()
        #expect(table.index(of: "企业") == 0)
        #expect(table.index(of: " 前导空格") == 1)
        #expect(table.index(of: "企业") == 0)
        let s = xml { SharedStringsPart(table: table).write(into: &$0) }
        #expect(s == decl + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">"#
            + #"<si><t>企业</t></si><si><t xml:space="preserve"> 前导空格</t></si></sst>"#)
    }

    @Test func stylesShareFontsFillsBordersAndFormats() {
        var table = StyleTable()
        let a = table.add(Style(numberFormat: "#,##0.00", font: .init(bold: true), fill: .solid("FFDDEBF7"), border: .thin))
        let b = table.add(Style(numberFormat: "yyyy-mm", font: .init(bold: true), locked: false))
        #expect(table.add(Style(numberFormat: "yyyy-mm", font: .init(bold: true), locked: false)) == b)
        #expect(table.add(Style()) == .default)
        #expect((a.index, b.index) == (1, 2))
        let s = xml { StylesPart(table: table).write(into: &$0) }
        #expect(s == decl + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
            + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
            + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
            + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
            + #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
            + #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="4" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>"#
            + #"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyProtection="1"><protection locked="0"/></xf>"#
            + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + #"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"#)
    }

    @Test func dataValidations() {
        let list = DataValidation.list(["是", "否 \"暂无\""], range: CellRange("E2:E50")!,
                                       prompt: .init(title: "规上", "请选择\n是或否"), error: .init("只能选是或否"))
        #expect(xml { list.write(into: &$0) } == #"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" "#
            + #"error="只能选是或否" promptTitle="规上" prompt="请选择&#10;是或否" sqref="E2:E50"><formula1>"是,否 ""暂无"""</formula1></dataValidation>"#)
        let decimal = DataValidation(.decimal(.between(-1.5, 1e6)), ranges: [CellRange("B2:B9")!, CellRange("D2")!],
                                     allowBlank: false, alertStyle: .warning)
        #expect(xml { decimal.write(into: &$0) } == #"<dataValidation type="decimal" errorStyle="warning" showErrorMessage="1" "#
            + #"sqref="B2:B9 D2"><formula1>-1.5</formula1><formula2>1000000</formula2></dataValidation>"#)
        #expect(DataValidation.list(["a,b"], range: CellRange("A1")!).problem != nil)
        #expect(DataValidation.list(Array(repeating: "制造业制造业制造业", count: 40), range: CellRange("A1")!).problem != nil)
    }

    @Test func worksheetHeadAndTailInSchemaOrder() {
        let part = WorksheetPart(
            columns: [0: ColumnFormat(width: 30), 1: ColumnFormat(width: 12, style: StyleID(2)), 2: ColumnFormat(width: 12, style: StyleID(2))],
            frozen: (rows: 1, columns: 0), merges: [CellRange("A1:C1")!], autoFilter: CellRange("A2:C9"),
            validations: [.whole(.greaterThan(0), range: CellRange("B3:B9")!)],
            protection: SheetProtection(password: "park", allowAutoFilter: true),
            print: PrintSetup(orientation: .landscape, fitToWidth: true), defaultRowHeight: 15,
            dimension: CellRange("A1:C9"), selected: true)
        let head = xml { part.writeHead(into: &$0) }
        let tail = xml { part.writeTail(into: &$0) }
        #expect(head == decl + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C9"/>"#
            + #"<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="30" customWidth="1"/>"#
            + #"<col min="2" max="3" width="12" style="2" customWidth="1"/></cols><sheetData>"#)
        #expect(tail == #"</sheetData><sheetProtection password="CA0B" sheet="1" objects="1" scenarios="1" autoFilter="0"/>"#
            + #"<autoFilter ref="A2:C9"/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#
            + #"<dataValidations count="1"><dataValidation type="whole" operator="greaterThan" allowBlank="1" showErrorMessage="1" sqref="B3:B9">"#
            + #"<formula1>0</formula1></dataValidation></dataValidations>"#
            + #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#)
    }
}

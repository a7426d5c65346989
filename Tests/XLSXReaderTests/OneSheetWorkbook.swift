import Foundation
import TestSupport
import ZipXML

/// A minimal workbook around one worksheet's XML (sheet "S"), written to a temporary folder:
/// for cell shapes no producer in fixtures/reader writes.
func oneSheetWorkbook(_ sheetXML: String, name: String = "one-sheet.xlsx") throws -> String {
    let path = try Fixtures.temporaryDirectory().appendingPathComponent(name).path
    let zip = try ZipWriter(path: path)
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    try zip.add("_rels/.rels", bytes: Array(#"""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """#.utf8))
    try zip.add("xl/workbook.xml", bytes: Array(#"""
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(rel)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
        """#.utf8))
    try zip.add("xl/_rels/workbook.xml.rels", bytes: Array(#"""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """#.utf8))
    try zip.add("xl/worksheets/sheet1.xml", bytes: Array(sheetXML.utf8))
    try zip.commit()
    return path
}

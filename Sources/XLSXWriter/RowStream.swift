import SheetModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `<row>` elements of one sheet, serialised into a reused buffer and flushed to a temporary file
/// in large chunks. The file becomes the middle of the worksheet part at save time.
struct RowStream: ~Copyable {
    let path: String
    private let fd: Int32
    var nextRow: UInt32 = 0
    private var buffer = XMLBytes(capacity: RowStream.flushThreshold + 64 << 10)
    /// Bytes already in the file.
    private(set) var flushed = 0

    static let flushThreshold = 1 << 20

    init(sheet: String) throws {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/parkstat-sheet-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw SheetError(.io, file: folder, message: "无法创建工作表的临时文件", sheet: sheet,
                             underlying: String(cString: strerror(errno)))
        }
        self.fd = fd
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Writes what is buffered, so the file is complete for the packager.
    mutating func flush(sheet: String) throws {
        var offset = 0
        let count = buffer.count
        while offset < count {
            let n = buffer.bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw SheetError(.io, file: path, message: "写入工作表临时文件失败（磁盘已满？）", sheet: sheet,
                                 underlying: String(cString: strerror(errno)))
            }
            offset += n
        }
        flushed += count
        buffer.removeAll()
    }

    mutating func writeRow(_ r: UInt32, cells: [WriteCell], startColumn: UInt16, height: Double?,
                           sheet: SheetWriter) throws {
        let context = sheet.context
        let rowStart = buffer.count
        buffer.raw(#"<row r=""#)
        buffer.int(r + 1)
        if let height {
            buffer.raw(#"" ht=""#)
            buffer.number(height)
            buffer.raw(#"" customHeight="1">"#)
        } else {
            buffer.raw(#"">"#)
        }
        let cellsStart = buffer.count
        var column = startColumn
        var first = UInt16.max, last: UInt16 = 0
        for cell in cells {
            defer { column &+= 1 }
            var style = cell.style
            if case .date = cell.value, style == nil { style = context.dateStyle }
            if case .empty = cell.value, style == nil { continue }
            first = min(first, column)
            last = column
            buffer.raw(#"<c r=""#)
            buffer.cellRef(row: r, column: column)
            if let style, style.index != 0 {
                buffer.raw(#"" s=""#)
                buffer.int(style.index)
            }
            let valueStart = buffer.count
            switch cell.value {
            case .empty:
                buffer.raw(#""/>"#)
            case .number(let d), .date(let d):
                if d.isFinite {
                    buffer.raw(#""><v>"#)
                    buffer.number(d)
                    buffer.raw("</v></c>")
                } else {
                    buffer.raw(#"" t="e"><v>#NUM!</v></c>"#)
                }
            case .text(let s):
                // A string of at most 32 767 UTF-8 bytes has no more UTF-16 units: count those only when longer.
                guard s.utf8.count <= 32_767 || s.utf16.count <= 32_767 else {
                    throw context.invalid("文本超过 Excel 单元格上限 32767 个字符", sheet: sheet.name,
                                          cell: CellRef(row: r, column: column))
                }
                buffer.raw(#"" t="s"><v>"#)
                buffer.int(context.strings.index(of: s))
                buffer.raw("</v></c>")
            case .bool(let b):
                buffer.raw(b ? #"" t="b"><v>1</v></c>"# : #"" t="b"><v>0</v></c>"#)
            case .formula(let f, let cached):
                context.hasFormulas = true
                writeFormula(f, cached: cached)
            }
            if sheet.fit != nil { sheet.measure(cell.value, column: column, bytesWritten: buffer.count - valueStart) }
        }
        if first == UInt16.max && height == nil {
            buffer.bytes.removeSubrange(rowStart...)  // nothing to say about this row
            return
        }
        if first == UInt16.max { buffer.bytes.removeSubrange(cellsStart...); buffer.bytes.removeLast(); buffer.raw("/>") }
        else { buffer.raw("</row>") }
        sheet.noteUsed(row: r, first: first, last: last)
        if buffer.count >= RowStream.flushThreshold { try flush(sheet: sheet.name) }
    }

    private mutating func writeFormula(_ f: String, cached: CellValue) {
        switch cached {
        case .text: buffer.raw(#"" t="str"><f>"#)
        case .bool: buffer.raw(#"" t="b"><f>"#)
        case .error: buffer.raw(#"" t="e"><f>"#)
        default: buffer.raw(#""><f>"#)
        }
        buffer.text(f)
        buffer.raw("</f>")
        switch cached {
        case .empty, .uncachedFormula: break
        case .number(let d), .dateSerial(let d):
            if d.isFinite { buffer.raw("<v>"); buffer.number(d); buffer.raw("</v>") }
        case .text(let s): buffer.raw("<v>"); buffer.text(s); buffer.raw("</v>")
        case .bool(let b): buffer.raw(b ? "<v>1</v>" : "<v>0</v>")
        case .error(let e): buffer.raw("<v>"); buffer.text(e.text); buffer.raw("</v>")
        }
        buffer.raw("</c>")
    }
}

extension SheetWriter {
    func noteUsed(row: UInt32, first: UInt16, last: UInt16) {
        if firstRow == nil { firstRow = row }
        lastRow = row
        minColumn = min(minColumn, first)
        maxColumn = max(maxColumn, last)
    }

    /// Records a cell's display width for `fitColumnWidths`; numbers are measured by the bytes
    /// of their `<v>` text, which is close to what General shows.
    func measure(_ value: WriteCell.Value, column: UInt16, bytesWritten: Int) {
        let width: Int
        switch value {
        case .text(let s): width = ColumnWidth.displayWidth(s)
        case .date: width = 10
        case .number: width = max(bytesWritten - 13, 1)  // minus `"><v>` and `</v></c>`
        case .bool: width = 5
        case .formula(_, let cached):
            if case .text(let s) = cached { width = ColumnWidth.displayWidth(s) } else { width = 10 }
        case .empty: return
        }
        let c = Int(column)
        if measured.count <= c { measured.append(contentsOf: repeatElement(0, count: c + 1 - measured.count)) }
        measured[c] = max(measured[c], width)
    }

    /// Flushes the rows and hands back the temporary file holding them.
    func finishRows() throws -> String {
        try rows.flush(sheet: name)
        return rows.path
    }
}

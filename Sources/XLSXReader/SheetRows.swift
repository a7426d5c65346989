import SheetModel
import ZipXML

/// A pull cursor over one worksheet: `next()` feeds libxml2's push parser 64 KiB at a time from
/// the inflating zip stream, and only when the rows already parsed are used up, so memory does not
/// grow with the sheet.
public final class SheetRows {
    private let owner: Workbook  // keeps the archive open
    private let stream: ZipEntryStream?
    private let parser: XMLPushParser?
    private let handler: SheetHandler
    private let buffer: UnsafeMutableRawBufferPointer
    private var finished: Bool
    public let sheet: SheetInfo

    init(owner: Workbook, sheet: SheetInfo, stream: ZipEntryStream?, handler: SheetHandler) throws {
        self.owner = owner
        self.sheet = sheet
        self.stream = stream
        self.handler = handler
        buffer = .allocate(byteCount: XMLPushParser.chunkSize, alignment: 16)
        if let stream {
            parser = try XMLPushParser(handler: handler, file: owner.path, part: stream.part)
            finished = false
        } else {
            parser = nil
            finished = true  // chartsheets and sheets without a part have no cells
        }
    }

    deinit { buffer.deallocate() }

    /// The next non-empty row in document order, or nil at the end. Cells are sparse and sorted.
    public func next() throws -> Row? {
        while handler.head >= handler.pending.count {
            if handler.head > 0 {
                handler.pending.removeAll(keepingCapacity: true)
                handler.head = 0
            }
            if finished { return nil }
            try pump()
        }
        let row = handler.pending[handler.head]
        handler.head += 1
        return row
    }

    public func forEach(_ body: (Row) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    /// Merged areas; complete once `next()` has returned nil (they follow the cells in the part).
    public var mergedRanges: [CellRange] { handler.merged }

    private func pump() throws {
        guard let stream, let parser else { finished = true; return }
        do {
            let n = try stream.read(into: buffer)
            if n == 0 {
                finished = true
                try parser.finish()
            } else {
                try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            }
            if let failure = handler.failure {
                finished = true
                throw SheetError(.corrupt, file: owner.path, message: failure.message, part: stream.part, cell: failure.cell)
            }
        } catch var error as SheetError {
            finished = true
            error.sheet = sheet.name
            if error.cell == nil { error.cell = handler.currentCell }
            throw error
        }
    }
}

@available(*, unavailable) extension SheetRows: Sendable {}

import SheetModel
import ZipXML

/// A pull cursor over one worksheet: `next()` feeds libxml2's push parser a chunk at a time from
/// the inflating zip stream (inflated on a second thread for large sheets), and only when the rows
/// already parsed are used up, so memory does not grow with the sheet.
public final class SheetRows {
    private let owner: Workbook  // keeps the archive open
    private let stream: ChunkReader?
    private let parser: XMLPushParser?
    private let handler: SheetHandler
    private var finished: Bool
    public let sheet: SheetInfo

    init(owner: Workbook, sheet: SheetInfo, stream: ChunkReader?, handler: SheetHandler) throws {
        self.owner = owner
        self.sheet = sheet
        self.stream = stream
        self.handler = handler
        if let stream {
            parser = try XMLPushParser(handler: handler, file: owner.path, part: stream.part)
            finished = false
        } else {
            parser = nil
            finished = true  // chartsheets and sheets without a part have no cells
        }
    }

    /// The next non-empty row in document order, or nil at the end. Cells are sparse and sorted.
    public func next() throws -> Row? {
        let state = handler.state
        while state.pointee.head >= state.pointee.filled {
            // All handed out: the next chunk refills the slots, reusing their cell arrays.
            state.pointee.head = 0
            state.pointee.filled = 0
            if finished { return nil }
            try pump()
        }
        let row = state.pointee.pending[state.pointee.head]
        state.pointee.head += 1
        return row
    }

    public func forEach(_ body: (Row) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    /// Merged areas; complete once `next()` has returned nil (they follow the cells in the part).
    public var mergedRanges: [CellRange] { handler.state.pointee.merged }

    private func pump() throws {
        guard let stream, let parser else { finished = true; return }
        do {
            if let chunk = try stream.nextChunk() {
                try parser.feed(chunk)
            } else {
                finished = true
                try parser.finish()
            }
            if let failure = handler.state.pointee.failure {
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

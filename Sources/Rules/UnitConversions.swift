import SheetModel

/// The unit.converted findings of one sheet: each cell reported once, and each message, which
/// follows from the two units alone, written once per sheet (a sheet in 千元 converts every row,
/// and making the same message again for each was a tenth of checking such a sheet).
struct UnitConversions {
    private var cells: [CellRef] = []
    private var messages: [(from: Unit, to: Unit, text: String)] = []

    /// Adds the finding for `cell` unless the cell was reported already.
    mutating func note(file: String, sheet: String, cell: CellRef, from: Unit, to: Unit, into findings: inout [Finding]) {
        guard !cells.contains(cell) else { return }
        cells.append(cell)
        let text: String
        if let known = messages.first(where: { $0.from == from && $0.to == to }) {
            text = known.text
        } else {
            text = Messages.unitConvertedMessage(from: from, to: to)
            messages.append((from, to, text))
        }
        findings.append(Messages.unitConverted(file: file, sheet: sheet, cell: cell, from: from, to: to, message: text))
    }
}

package rs.astra.nrm.exchange;

import java.util.List;

/**
 * One row of a file, before interpretation.
 *
 * @param rowNumber the row number the user sees (1-based Excel row, or CSV record number)
 * @param cells the cells by 0-based column index; {@code null} elements are blank cells
 */
record RawRow(int rowNumber, List<RawCell> cells) {

  /**
   * Returns the cell at a 0-based column index, or {@code null} if blank or beyond the row's end.
   */
  RawCell cell(int column) {
    return column < cells.size() ? cells.get(column) : null;
  }

  /** Returns the cleaned text of a cell, or {@code null} if it is blank or only white space. */
  String cleanText(int column) {
    RawCell cell = cell(column);
    return cell == null ? null : HtcdsText.clean(cell.text());
  }
}

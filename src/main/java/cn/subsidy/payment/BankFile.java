package cn.subsidy.payment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The file a county sends to its bank for a batch: UTF-8 CSV with a header row, one payment per line
 * with the applicant's name and full account number, amounts with two decimals, and a total line.
 */
final class BankFile {

  static final String[] HEADER = {"applicationNo", "name", "bank", "accountNumber", "amount", "purpose"};

  private BankFile() {}

  static String write(PaymentBatch batch) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      for (PaymentBatch.Line line : batch.instructions()) {
        csv.printRecord(line.applicationNo(), line.name(), line.bank(), line.accountNumber(),
            line.amount().setScale(2).toPlainString(), "就业补贴 " + line.applicationNo());
      }
      csv.printRecord("TOTAL", batch.instructionCount(), "", "", batch.total().setScale(2).toPlainString(),
          "batch " + batch.id() + " county " + batch.countyCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

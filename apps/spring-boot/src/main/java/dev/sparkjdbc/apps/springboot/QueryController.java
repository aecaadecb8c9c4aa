package dev.sparkjdbc.apps.springboot;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queries behind REST endpoints, each answered by Spark through the pooled driver. */
@RestController
class QueryController {
  /** The multiples of a number below 1000: how many, and their sum. */
  record Multiples(long n, long total) {}

  /** One row of a multi-row answer, mapped by column label. */
  record Square(long id, long square) {}

  private final JdbcClient jdbc;
  private final LedgerService ledger;

  QueryController(JdbcClient jdbc, LedgerService ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  @GetMapping("/multiples")
  Multiples multiples(@RequestParam int of) {
    return jdbc.sql("SELECT count(*) AS n, sum(id) AS total FROM range(1000) WHERE id % :of = 0")
        .param("of", of)
        .query(Multiples.class)
        .single();
  }

  @GetMapping("/squares")
  List<Square> squares(@RequestParam long from) {
    return jdbc.sql("SELECT id, id * id AS square FROM range(10) WHERE id >= :from ORDER BY id")
        .param("from", from)
        .query(Square.class)
        .list();
  }

  @PostMapping("/ledger/{tag}/commit")
  LedgerService.Outcome commit(@PathVariable String tag) {
    return ledger.record(tag);
  }

  @PostMapping("/ledger/{tag}/rollback")
  LedgerService.Outcome rollback(@PathVariable String tag) {
    try {
      ledger.recordThenFail(tag);
      throw new IllegalStateException("recordThenFail returned normally");
    } catch (LedgerService.SimulatedFailure expected) {
      // Spring rolled the transaction back (it calls Connection.rollback()) and rethrew our
      // exception: had rollback() failed, it would have thrown TransactionSystemException instead.
      return expected.outcome().withRows(ledger.rows(tag));
    }
  }

  @GetMapping("/ledger/{tag}")
  long rows(@PathVariable String tag) {
    return ledger.rows(tag);
  }
}

package io.clix.local.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clix.local.internal.dynamodb.LocalDynamo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * ExecuteStatement through the real client, held to DynamoDB's PartiQL documentation (dynalite, the
 * differential oracle, has no PartiQL): SELECT, INSERT, UPDATE and DELETE, parameters, paging and
 * the errors AWS answers.
 */
class PartiqlStatementTest {

  private static final LocalDynamo LOCAL = new LocalDynamo();
  private static final DynamoDbClient dynamo = LOCAL.client;

  @AfterAll
  static void stop() {
    LOCAL.close();
  }

  @BeforeEach
  void tables() {
    PartiqlTables.reset(dynamo);
  }

  private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
    return dynamo.executeStatement(r -> {
      r.statement(statement);
      if (parameters.length > 0) {
        r.parameters(parameters);
      }
    });
  }

  private static DynamoDbException refused(String statement, AttributeValue... parameters) {
    return assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> run(statement, parameters)).actual();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  @Test
  void insertStoresTheTupleWithItsTypesAndSelectReadsItBack() {
    ExecuteStatementResponse inserted = run("INSERT INTO \"Music\" VALUE {'Artist': ?, 'SongTitle': 'Song',"
        + " 'Year': 2020, 'Price': 1.50, 'Live': true, 'Notes': null, 'Tags': <<'a', 'b'>>,"
        + " 'Awards': {'Grammys': [2020, 2018]}}", s("Acme Band"));
    assertThat(inserted.items()).isEmpty();
    var item = run("SELECT * FROM Music WHERE Artist = 'Acme Band' AND SongTitle = ?", s("Song")).items();
    assertThat(item).hasSize(1);
    assertThat(item.get(0)).containsEntry("Year", n("2020")).containsEntry("Price", n("1.5"))
        .containsEntry("Live", AttributeValue.fromBool(true)).containsEntry("Notes", AttributeValue.fromNul(true))
        .containsEntry("Tags", AttributeValue.fromSs(List.of("a", "b")))
        .containsEntry("Awards", AttributeValue.fromM(Map.of("Grammys",
            AttributeValue.fromL(List.of(n("2020"), n("2018"))))));
  }

  @Test
  void insertOfAKeyInUseAnswersDuplicateItemException() {
    run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S'}");
    assertThatExceptionOfType(DuplicateItemException.class)
        .isThrownBy(() -> run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S', 'x': 1}"))
        .withMessageStartingWith("Duplicate primary key exists in table");
    assertThat(refused("INSERT INTO Music VALUE {'Artist': 'A'}").getMessage())
        .startsWith("One or more parameter values were invalid: Missing the key SongTitle in the item");
  }

  @Test
  void whereClauseTakesComparisonsFunctionsAndLogic() {
    PartiqlTables.songs(dynamo);
    assertThat(titles("SELECT * FROM Music WHERE Artist = 'A' AND Year > 2000")).containsExactly("s2", "s3");
    assertThat(titles("SELECT * FROM Music WHERE Year BETWEEN 1990 AND 2010")).containsExactlyInAnyOrder("s1", "s2");
    assertThat(titles("SELECT * FROM Music WHERE SongTitle IN ['s1', 's4']")).containsExactlyInAnyOrder("s1", "s4");
    assertThat(titles("SELECT * FROM Music WHERE begins_with(Genre, 'ro') OR contains(Genre, 'jazz')"))
        .containsExactlyInAnyOrder("s1", "s3", "s4");
    assertThat(titles("SELECT * FROM Music WHERE Genre IS MISSING")).containsExactly("s2");
    assertThat(titles("SELECT * FROM Music WHERE Artist = 'A' AND Genre IS NOT MISSING AND NOT Year = 1999"))
        .containsExactly("s3");
    assertThat(titles("SELECT * FROM Music WHERE attribute_type(Year, 'N') AND size(Genre) = 4"))
        .containsExactlyInAnyOrder("s1", "s4");
    assertThat(titles("SELECT * FROM Music WHERE Artist <> 'A' AND Year != 1")).containsExactly("s4");
    assertThat(titles("SELECT * FROM Music WHERE Artist IN ['B', 'A'] AND Year > 2010"))
        .containsExactlyInAnyOrder("s3", "s4");
  }

  @Test
  void projectionListAndDocumentPathsShapeTheItems() {
    run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S', 'Info': {'Label': 'L', 'Charts': [3, 1]},"
        + " 'Other': 'x'}");
    var items = run("SELECT SongTitle, Info.Charts[1] FROM \"Music\" WHERE \"Artist\" = 'A'").items();
    assertThat(items).containsExactly(Map.of("SongTitle", s("S"),
        "Info", AttributeValue.fromM(Map.of("Charts", AttributeValue.fromL(List.of(n("1")))))));
    assertThat(run("SELECT * FROM Music WHERE Info.Label = 'L'").items()).hasSize(1);
  }

  @Test
  void orderByTheSortKeyDescendingWithinAPartition() {
    PartiqlTables.songs(dynamo);
    assertThat(titles("SELECT * FROM Music WHERE Artist = 'A' ORDER BY SongTitle DESC"))
        .containsExactly("s3", "s2", "s1");
    assertThat(refused("SELECT * FROM Music ORDER BY SongTitle").getMessage())
        .startsWith("Must have WHERE clause in the statement when using ORDER BY clause.");
  }

  @Test
  void limitAndNextTokenPageThroughEveryItemOnce() {
    for (int i = 0; i < 7; i++) {
      run("INSERT INTO Music VALUE {'Artist': ?, 'SongTitle': 't'}", s("artist" + i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ExecuteStatementResponse page = dynamo.executeStatement(ExecuteStatementRequest.builder()
          .statement("SELECT Artist FROM Music").limit(3).nextToken(next).build());
      page.items().forEach(i -> seen.add(i.get("Artist").s()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void selectOnAnIndexReadsItsProjection() {
    PartiqlTables.songs(dynamo);
    var items = run("SELECT * FROM \"Music\".\"ByGenre\" WHERE Genre = 'rock'").items();
    assertThat(items).extracting(i -> i.get("SongTitle").s()).containsExactlyInAnyOrder("s1", "s4");
    assertThat(items.get(0)).containsOnlyKeys("Artist", "SongTitle", "Genre");
    assertThat(refused("SELECT * FROM Music.NoSuchIndex").getMessage())
        .startsWith("The table does not have the specified index");
    assertThat(assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> dynamo.executeStatement(r -> r
        .statement("SELECT * FROM Music.ByGenre").consistentRead(true))).actual().getMessage())
        .startsWith("Strongly consistent read is not supported on Global Secondary Indexes");
  }

  @Test
  void updateSetsRemovesAndReturnsWhatWasAsked() {
    run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S', 'Plays': 1, 'Tags': <<'a'>>, 'L': [1], 'Old': 0}");
    var changed = run("UPDATE Music SET Plays = Plays + 2 SET L = list_append(L, [2]), Tags = set_add(Tags, <<'b'>>)"
        + " REMOVE Old SET Award = {'Grammys': [2020]} WHERE Artist = 'A' AND SongTitle = 'S' RETURNING ALL NEW *")
        .items();
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0)).containsEntry("Plays", n("3")).doesNotContainKey("Old")
        .containsEntry("L", AttributeValue.fromL(List.of(n("1"), n("2"))))
        .containsEntry("Tags", AttributeValue.fromSs(List.of("a", "b")))
        .containsKey("Award");
    var old = run("UPDATE Music SET Plays = 10 WHERE Artist = 'A' AND SongTitle = 'S' RETURNING MODIFIED OLD *")
        .items();
    assertThat(old).containsExactly(Map.of("Plays", n("3")));
  }

  @Test
  void updateNeedsTheItemAndItsWhereConditions() {
    assertThatExceptionOfType(ConditionalCheckFailedException.class)
        .isThrownBy(() -> run("UPDATE Music SET x = 1 WHERE Artist = 'none' AND SongTitle = 'S'"));
    assertThat(run("SELECT * FROM Music").items()).isEmpty();
    run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S', 'v': 1}");
    ConditionalCheckFailedException failed = assertThatExceptionOfType(ConditionalCheckFailedException.class)
        .isThrownBy(() -> dynamo.executeStatement(r -> r
            .statement("UPDATE Music SET v = 2 WHERE Artist = 'A' AND SongTitle = 'S' AND v = 5")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).actual();
    assertThat(failed.item()).containsEntry("v", n("1"));
    assertThat(refused("UPDATE Music SET v = 2 WHERE Artist = 'A'").getMessage())
        .startsWith("Where clause does not contain a mandatory equality on all key attributes");
    assertThat(refused("UPDATE Music SET SongTitle = 'x' WHERE Artist = 'A' AND SongTitle = 'S'").getMessage())
        .contains("Cannot update attribute SongTitle. This attribute is part of the key");
  }

  @Test
  void deleteOfAMissingItemSucceedsAndAFalseConditionFails() {
    assertThat(run("DELETE FROM Music WHERE Artist = 'none' AND SongTitle = 'S' AND v = 1").items()).isEmpty();
    run("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S', 'v': 1}");
    assertThatExceptionOfType(ConditionalCheckFailedException.class)
        .isThrownBy(() -> run("DELETE FROM Music WHERE Artist = 'A' AND SongTitle = 'S' AND v = 2"));
    var deleted = run("DELETE FROM Music WHERE Artist = 'A' AND SongTitle = 'S' RETURNING ALL OLD *").items();
    assertThat(deleted).containsExactly(Map.of("Artist", s("A"), "SongTitle", s("S"), "v", n("1")));
    assertThat(run("SELECT * FROM Music").items()).isEmpty();
  }

  @Test
  void writesReportConsumedCapacityWhenAsked() {
    var response = dynamo.executeStatement(r -> r.statement("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'S'}")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(response.consumedCapacity().tableName()).isEqualTo("Music");
    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void errorsAreWordedAsDynamoDbWordsThem() {
    assertThat(refused("SELEC * FROM Music").getMessage())
        .startsWith("Statement wasn't well formed, can't be processed: ");
    assertThat(refused("SELECT * FROM Music WHERE").getMessage())
        .startsWith("Statement wasn't well formed, can't be processed: Unexpected term");
    assertThat(refused("SELECT * FROM Music WHERE Artist = 'a' foo").getMessage())
        .startsWith("Statement wasn't well formed, can't be processed: Unexpected token after expression");
    assertThat(refused("SELECT * FROM Music WHERE Artist = 'a' AND").getMessage())
        .startsWith("Statement wasn't well formed, can't be processed: Missing right-hand side expression");
    assertThat(refused("SELECT * FROM Music m WHERE Artist = 'a'").getMessage()).startsWith("Aliasing is not supported");
    assertThat(refused("SELECT * FROM Music WHERE Artist = ? AND SongTitle = ?", s("a")).getMessage())
        .startsWith("Number of parameters in request and statement don't match.");
    assertThat(refused("INSERT INTO Music VALUE {'Artist': 'a', 'SongTitle': 'b', 'n': 1e126}").getMessage())
        .startsWith("Number overflow. Attempting to store a number with magnitude larger than supported range"
            + " under root.n");
    assertThat(refused("INSERT INTO Music VALUE {'Artist': 'a', 'SongTitle': 'b', 's': <<'x', 'x'>>}").getMessage())
        .startsWith("Input collection contains duplicates");
    assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> run("SELECT * FROM Nowhere"))
        .withMessageStartingWith("Requested resource not found");
    assertThat(assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> dynamo.executeStatement(r -> r
        .statement("SELECT * FROM Music").parameters(List.of()))).actual().getMessage())
        .startsWith("1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
  }

  private static List<String> titles(String statement) {
    List<String> out = new ArrayList<>();
    run(statement).items().forEach(i -> out.add(i.get("SongTitle").s()));
    return out;
  }
}

package io.igpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file on its own: what it writes, what it replays, what it refuses. No network. */
class JournalTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dataDir;

  @Test
  void replaysEveryRecordedChangeInOrder() {
    try (Journal journal = Journal.open(dataDir, new RegistryModel())) {
      journal.record(firstVersion("a", 1, 1, "s1"));
      journal.record(List.of(new Change.RuleSet(RuleScope.GLOBAL, "VALIDITY", "FULL")));
    }

    RegistryModel replayed = new RegistryModel();
    try (Journal ignored = Journal.open(dataDir, replayed)) {
      assertThat(replayed.content(1)).hasValue("s1");
      assertThat(replayed.byGlobalId(1)).map(ArtifactVersion::createdOn).hasValue(AT);
      assertThat(replayed.existingRules(RuleScope.GLOBAL)).containsEntry("VALIDITY", "FULL");
      assertThat(replayed.nextGlobalId()).isEqualTo(2);
      assertThat(replayed.nextContentId()).isEqualTo(2);
    }
  }

  @Test
  void aCorruptLineStopsTheStartNamingFileAndLine() throws IOException {
    try (Journal journal = Journal.open(dataDir, new RegistryModel())) {
      journal.record(firstVersion("a", 1, 1, "s1"));
    }
    append("{\"not\":\"an array\"}\n");

    CorruptJournalException e =
        catchThrowableOfType(
            CorruptJournalException.class, () -> Journal.open(dataDir, new RegistryModel()));

    assertThat(e.file()).isEqualTo(dataDir.resolve(Journal.FILE_NAME));
    assertThat(e.getMessage())
        .isEqualTo(
            "registry journal "
                + dataDir.resolve(Journal.FILE_NAME)
                + " is unreadable at line 3: not a non-empty JSON array of changes");
  }

  @Test
  void aLineThatDoesNotFitTheStateBeforeItIsRefused() throws IOException {
    try (Journal journal = Journal.open(dataDir, new RegistryModel())) {
      journal.record(firstVersion("a", 1, 1, "s1"));
    }
    // globalId 1 handed out a second time
    append(ChangeCodec.encode(firstVersion("b", 1, 2, "s2")) + "\n");

    CorruptJournalException e =
        catchThrowableOfType(
            CorruptJournalException.class, () -> Journal.open(dataDir, new RegistryModel()));

    assertThat(e.getMessage()).endsWith("line 3: globalId 1 is not above the last one, 1");
  }

  @Test
  void aFileThatIsNotAJournalIsRefused() throws IOException {
    Files.writeString(dataDir.resolve(Journal.FILE_NAME), "hello\n");

    CorruptJournalException e =
        catchThrowableOfType(
            CorruptJournalException.class, () -> Journal.open(dataDir, new RegistryModel()));

    assertThat(e.getMessage()).contains("line 1: not an igpulse registry journal");
  }

  @Test
  void aWriteCutShortIsDroppedAndTheNextOneLandsOnItsOwnLine() throws IOException {
    try (Journal journal = Journal.open(dataDir, new RegistryModel())) {
      journal.record(firstVersion("a", 1, 1, "s1"));
    }
    append("[{\"change\":\"content\",\"conte");

    RegistryModel replayed = new RegistryModel();
    try (Journal journal = Journal.open(dataDir, replayed)) {
      journal.record(firstVersion("b", 2, 2, "s2"));
    }
    RegistryModel again = new RegistryModel();
    Journal.open(dataDir, again).close();

    assertThat(replayed.nextGlobalId()).isEqualTo(2);
    assertThat(again.byGlobalId(2)).map(ArtifactVersion::artifactId).hasValue("b");
    assertThat(Files.readAllLines(dataDir.resolve(Journal.FILE_NAME))).hasSize(3);
  }

  @Test
  void aSecondRegistryCannotOpenADirectoryInUse() {
    try (Journal ignored = Journal.open(dataDir, new RegistryModel())) {
      IllegalStateException e =
          catchThrowableOfType(
              IllegalStateException.class, () -> Journal.open(dataDir, new RegistryModel()));

      assertThat(e.getMessage()).contains("in use by another registry");
    }
  }

  @Test
  void afterAFailedWriteEveryLaterWriteIsRefusedUntilARestart() {
    Journal journal = Journal.open(dataDir, new RegistryModel());
    journal.close(); // its channel is gone: the next write fails as a full disk would

    Throwable first = catchThrowable(() -> journal.record(firstVersion("a", 1, 1, "s1")));
    Throwable second = catchThrowable(() -> journal.record(firstVersion("a", 1, 1, "s1")));

    assertThat(first)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write the registry journal " + dataDir.resolve(Journal.FILE_NAME));
    assertThat(second)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("an earlier write to registry journal")
        .hasMessageEndingWith("failed; restart");
  }

  @Test
  void contentStoredTwiceUnderTwoIdsIsRefused() throws IOException {
    try (Journal journal = Journal.open(dataDir, new RegistryModel())) {
      journal.record(firstVersion("a", 1, 1, "s1"));
    }
    append(ChangeCodec.encode(List.of(new Change.ContentAdded(2, "s1"))) + "\n");

    CorruptJournalException e =
        catchThrowableOfType(
            CorruptJournalException.class, () -> Journal.open(dataDir, new RegistryModel()));

    assertThat(e.getMessage()).endsWith("line 3: contentId 2 repeats the content of contentId 1");
  }

  private static List<Change> firstVersion(
      String artifactId, long globalId, long contentId, String content) {
    return List.of(
        new Change.ArtifactCreated("default", artifactId, "AVRO", AT),
        new Change.ContentAdded(contentId, content),
        new Change.VersionCreated("default", artifactId, "1", globalId, contentId, AT));
  }

  private void append(String text) throws IOException {
    Files.writeString(
        dataDir.resolve(Journal.FILE_NAME),
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }
}

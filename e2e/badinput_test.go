package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestMalformedBoxScore: a box score with a corrupt minutes value fails its date with a
// reason naming the file, field and value; nothing of that date is written, and another
// date loaded at the same time completes.
func TestMalformedBoxScore(t *testing.T) {
	bad, good := "2026-01-31", "2026-02-02"
	badGames, goodGames := gamesOn(t, bad), gamesOn(t, good)
	corrupt := badGames[0]
	dir := dataDir(t, append(append([]string{}, badGames...), goodGames...),
		func(id string, body []byte) []byte {
			if id != corrupt {
				return body
			}
			return bytes.Replace(body, []byte(`"minutes": "`), []byte(`"minutes": "ab:cd`), 1)
		})
	stack, _ := startStack(t, dir, nil)
	requestLoad(t, stack, bad, "bad-1")
	requestLoad(t, stack, good, "good-1")

	doc := waitDate(t, stack, bad, isDone)
	if doc["status"] != "failed" {
		t.Fatalf("%s status = %v, want failed", bad, doc["status"])
	}
	reason, _ := doc["last_error"].(string)
	for _, want := range []string{corrupt + ".json", "statistics.minutes", "ab:cd"} {
		if !strings.Contains(reason, want) {
			t.Errorf("last_error %q does not name %q", reason, want)
		}
	}
	if doc := waitDate(t, stack, good, isDone); doc["status"] != "complete" {
		t.Errorf("%s status = %v, want complete", good, doc["status"])
	}
	db := openWarehouse(t, stack)
	for _, table := range []string{"gamebook_player_stats", "gamebook_team_stats",
		"player_game_summary"} {
		if n := queryInt(t, db, "SELECT COUNT(*) FROM "+table+" WHERE game_date = ?", bad); n != 0 {
			t.Errorf("%s holds %d rows of the failed date", table, n)
		}
	}
}

// TestGameMissingFromGameLog: a box score whose game id no game log lists cannot be dated.
// The main job names the file, field and value, loads the other dates, and exits 1.
func TestGameMissingFromGameLog(t *testing.T) {
	day := "2026-02-02"
	dir := dataDir(t, gamesOn(t, day), nil)
	body, err := os.ReadFile(boxScorePath(t, gamesOn(t, day)[0]))
	must(t, err)
	orphan := filepath.Join(dir, "boxscoretraditionalv3", "2026", "0022599999.json")
	must(t, os.WriteFile(orphan, body, 0o644))

	cmd := exec.Command(filepath.Join(os.Getenv("TIPOFF_BIN"), "tipoff"), "run", "--data", dir,
		"--work", t.TempDir())
	cmd.Env = withoutEmulators(os.Environ())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("tipoff run exited %d (%v), want 1\nstdout:\n%s\nstderr:\n%s", code, err,
			stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"0022599999.json", "GAME_ID", "0022599999"} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not name %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, day) || !strings.Contains(out, "complete") {
		t.Errorf("the dated games were not loaded:\n%s", out)
	}
}

// withoutEmulators drops the emulator variables, so the main job starts its own stack.
func withoutEmulators(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, localstack.FirestoreHostEnv+"=") &&
			!strings.HasPrefix(kv, localstack.PubSubHostEnv+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// TestMalformedEvents: an unknown event type and an event whose subject is not a date are
// kept as dead letters with their reason, in Firestore and on the dead-letter topic, and
// are not delivered again.
func TestMalformedEvents(t *testing.T) {
	day := "2026-02-02"
	stack, _ := startStack(t, dataDir(t, gamesOn(t, day), nil), nil)
	good, err := events.NewLoadRequest("e2e", events.LoadRequest{GameDate: day,
		RequestID: "r1", Reason: "initial"}, time.Now())
	must(t, err)
	cases := []struct {
		name, attr, value, reason string
		body                      []byte
	}{
		{"unknown type", "ce-type", "dev.tipoff.raw_boxscores.load_requested.v9", "v9", nil},
		{"subject not a date", "ce-subject", "2026-02-30", "2026-02-30", nil},
		{"body not UTF-8", "", "", "does not decode", []byte("\xff\xfe{}")},
	}
	topic := events.LoadRequested.Topic()
	var ids []string
	for _, tc := range cases {
		msg := encode(t, good)
		if tc.attr != "" {
			msg.Attributes[tc.attr] = tc.value
		}
		if tc.body != nil {
			msg.Data = tc.body
		}
		id, err := stack.PS.Publisher(topic).Publish(context.Background(), msg).Get(
			context.Background())
		must(t, err)
		ids = append(ids, id)
	}
	for i, tc := range cases {
		letter := waitDeadLetter(t, stack, ids[i])
		reason, _ := letter["reason"].(string)
		if !strings.Contains(reason, tc.reason) {
			t.Errorf("%s: reason %q does not name %q", tc.name, reason, tc.reason)
		}
		if letter["payload"] == "" || letter["attributes"] == nil {
			t.Errorf("%s: dead letter lost the payload or attributes: %v", tc.name, letter)
		}
	}

	// A good request after the bad ones completes; by then a retried bad message would
	// have come back, so one delivery each means none was retried.
	must(t, stack.Publish(context.Background(), good))
	waitDate(t, stack, day, isDone)

	// A well-formed completion of a generation the date never reached can never become
	// valid: it is dead-lettered, not retried.
	ahead := storedCompletion(t, stack, day, events.TeamOffense)
	ahead.Generation = 5
	for i := range ahead.Inputs {
		ahead.Inputs[i].Generation = 5
		ahead.Inputs[i].EventID = events.CompletionID(ahead.Inputs[i].Processor, day, 5)
	}
	e, err := events.NewCompletion(ahead, time.Now())
	must(t, err)
	id, err := stack.PS.Publisher(events.Type(e.Type()).Topic()).Publish(context.Background(),
		encode(t, e)).Get(context.Background())
	must(t, err)
	if reason, _ := waitDeadLetter(t, stack, id)["reason"].(string); !strings.Contains(reason,
		"ahead") {
		t.Errorf("the ahead completion's dead letter says %q", reason)
	}
	for i, tc := range cases {
		if n := waitDeadLetter(t, stack, ids[i])["deliveries"]; n != int64(1) {
			t.Errorf("%s: delivered %v times, want 1", tc.name, n)
		}
	}
	checkDeadLetterTopic(t, stack, len(cases)+1)
}

func requestLoad(t *testing.T, stack *localstack.Stack, day, requestID string) {
	t.Helper()
	e, err := events.NewLoadRequest("e2e", events.LoadRequest{GameDate: day,
		RequestID: requestID, Reason: "initial"}, time.Now())
	must(t, err)
	must(t, stack.Publish(context.Background(), e))
}

func waitDeadLetter(t *testing.T, stack *localstack.Stack, messageID string) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	// A direct query every half second: the emulator's listeners have missed dead-letter
	// writes in this suite.
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		docs, err := stack.FS.Collection("dead_letters").Where("message_id", "==",
			messageID).Documents(ctx).GetAll()
		if err == nil && len(docs) > 0 {
			return docs[0].Data()
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			t.Fatalf("waiting for the dead letter of message %s: %v", messageID, ctx.Err())
		}
	}
}

// checkDeadLetterTopic pulls n messages from the dead-letter topic's subscription and
// checks each carries its reason.
func checkDeadLetterTopic(t *testing.T, stack *localstack.Stack, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	got := make(chan *pubsub.Message, 16)
	go func() {
		_ = stack.PS.Subscriber("tipoff.dead-letters.audit").Receive(ctx,
			func(_ context.Context, m *pubsub.Message) { m.Ack(); got <- m })
	}()
	for i := 0; i < n; i++ {
		select {
		case m := <-got:
			if m.Attributes["tipoff-reason"] == "" {
				t.Errorf("dead-letter message %s has no reason attribute", m.ID)
			}
		case <-ctx.Done():
			t.Fatalf("only %d of %d messages reached the dead-letter topic", i, n)
		}
	}
}

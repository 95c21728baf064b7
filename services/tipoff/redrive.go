package main

import (
	"context"
	"fmt"
	"strings"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var redriveHelp = commandHelp{
	synopsis: "tipoff deadletters redrive --id ID [--topic T] [--force] [flags]",
	about: `Publishes a dead letter's stored payload and attributes again, on the topic its
subscription reads (subscriptions are named <worker>--<topic>; --topic overrides), then
marks it redriven. Attributes Tipoff added (tipoff-*) are not sent. Every subscriber of
the topic receives the copy, and decides from Firestore as for any delivery.

A dead letter already marked redriven is refused unless --force is given. Publishing and
marking are two systems with no shared transaction: if the command dies between them,
the flag stays unset and a second redrive publishes again. Redrive is at least once;
consumers recognise a copy by its event id. A message that is still malformed comes back
as a new dead letter.`,
	examples: []string{
		"tipoff deadletters redrive --id 3f1a0c9d2b7e4a6f8c0d1e2f",
		"tipoff deadletters redrive --id 3f1a0c9d2b7e4a6f8c0d1e2f --force",
	},
}

// reservedAttrPrefix marks the attributes Tipoff adds to a message it dead-letters
// (tipoff-reason, tipoff-subscription); they are not part of the original message.
const reservedAttrPrefix = "tipoff-"

// redriveFlags are the flags of tipoff deadletters redrive.
type redriveFlags struct {
	target
	id    string
	topic string
	force bool
}

func parseRedriveFlags(con console, args []string) (redriveFlags, error) {
	var f redriveFlags
	fs := newFlagSet("deadletters redrive")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.id, "id", "", "dead letter id, as tipoff deadletters lists it (required)")
	fs.StringVar(&f.topic, "topic", "", "topic to publish to (default: the topic of the "+
		"dead letter's subscription)")
	fs.BoolVar(&f.force, "force", false, "publish even if the dead letter was redriven before")
	if err := parseFlags(con, fs, redriveHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if err := requireFlag("id", f.id); err != nil {
		return f, err
	}
	if f.topic != "" && !contractTopic(f.topic) {
		return f, usagef("--topic %q: not a topic of the event contract; one of %s", f.topic,
			strings.Join(contractTopics(), ", "))
	}
	return f, nil
}

// redriveCommand is tipoff deadletters redrive.
func redriveCommand(ctx context.Context, con console, args []string) error {
	f, err := parseRedriveFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, true)
	if err != nil {
		return err
	}
	defer done()

	d, ok, err := b.store.DeadLetter(ctx, f.id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("dead letter %q not found: %w", f.id, state.ErrNoDeadLetter)
	}
	if d.Redriven && !f.force {
		return fmt.Errorf("%w: dead letter %s was already redriven; pass --force to publish "+
			"it again", errRefused, f.id)
	}
	topic := f.topic
	if topic == "" {
		if topic, err = subscriptionTopic(d.Subscription); err != nil {
			return err
		}
	}
	msgID, err := b.pub.PublishMessage(ctx, topic, redriveMessage(d))
	if err != nil {
		return err
	}
	if err := b.store.MarkRedriven(ctx, f.id); err != nil {
		return fmt.Errorf("published as message %s on %s, but marking it redriven failed "+
			"(another redrive would publish it again): %w", msgID, topic, err)
	}
	fmt.Fprintf(con.out, "redrove dead letter %s (event %s, game date %s) to %s as message %s\n",
		f.id, orDash(d.EventID), orDash(d.GameDate), topic, msgID)
	return nil
}

// redriveMessage rebuilds the original message of a dead letter: its payload and
// attributes, without the ones Tipoff added when it dead-lettered it.
func redriveMessage(d state.DeadLetter) *pubsub.Message {
	attrs := make(map[string]string, len(d.Attributes))
	for k, v := range d.Attributes {
		if !strings.HasPrefix(strings.ToLower(k), reservedAttrPrefix) {
			attrs[k] = v
		}
	}
	return &pubsub.Message{Data: []byte(d.Payload), Attributes: attrs}
}

// subscriptionTopic returns the topic a worker subscription reads: its id is
// <worker>--<topic> (bus.SubscriptionID).
func subscriptionTopic(subscription string) (string, error) {
	_, topic, ok := strings.Cut(subscription, "--")
	if !ok || !contractTopic(topic) {
		return "", usagef("cannot tell the topic of subscription %q (not <worker>--<topic> "+
			"with a topic of the contract): pass --topic", subscription)
	}
	return topic, nil
}

// contractTopics lists the topic of every event type; these are the topics a redriven
// message may go to.
func contractTopics() []string {
	var out []string
	for _, t := range events.AllTypes() {
		out = append(out, t.Topic())
	}
	return out
}

func contractTopic(topic string) bool {
	for _, t := range contractTopics() {
		if t == topic {
			return true
		}
	}
	return false
}

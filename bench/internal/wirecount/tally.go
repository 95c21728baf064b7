package wirecount

import (
	"sort"
	"sync"

	"cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
)

// Full method names of the Firestore calls that write documents.
const (
	methodCommit     = "/google.firestore.v1.Firestore/Commit"
	methodBatchWrite = "/google.firestore.v1.Firestore/BatchWrite"
)

// tally keeps the committed writes, by document name.
type tally struct {
	mu      sync.Mutex
	byDoc   map[string]int
	commits int
}

func newTally() *tally { return &tally{byDoc: map[string]int{}} }

// commit records the writes of a Commit the server accepted.
func (t *tally) commit(request []byte) error {
	var req firestorepb.CommitRequest
	if err := proto.Unmarshal(request, &req); err != nil {
		return err
	}
	t.add(req.GetWrites(), nil)
	return nil
}

// batchWrite records the writes of a BatchWrite whose per-write status is OK.
func (t *tally) batchWrite(request, response []byte) error {
	var req firestorepb.BatchWriteRequest
	var resp firestorepb.BatchWriteResponse
	if err := proto.Unmarshal(request, &req); err != nil {
		return err
	}
	if err := proto.Unmarshal(response, &resp); err != nil {
		return err
	}
	ok := make([]bool, len(req.GetWrites()))
	for i, s := range resp.GetStatus() {
		if i < len(ok) {
			ok[i] = codes.Code(s.GetCode()) == codes.OK
		}
	}
	t.add(req.GetWrites(), ok)
	return nil
}

// add counts writes; ok, when not nil, says which of them succeeded.
func (t *tally) add(writes []*firestorepb.Write, ok []bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.commits++
	for i, w := range writes {
		if ok == nil || ok[i] {
			t.byDoc[documentName(w)]++
		}
	}
}

// documentName is the full resource name of the document a write changes.
func documentName(w *firestorepb.Write) string {
	switch op := w.GetOperation().(type) {
	case *firestorepb.Write_Update:
		return op.Update.GetName()
	case *firestorepb.Write_Delete:
		return op.Delete
	case *firestorepb.Write_Transform:
		return op.Transform.GetDocument()
	}
	return ""
}

// DocWrites is how many committed writes one document received.
type DocWrites struct {
	// Name is the full resource name, projects/P/databases/(default)/documents/....
	Name   string
	Writes int
}

// snapshot returns the writes per document, sorted by name, and the number of write calls.
func (t *tally) snapshot() ([]DocWrites, int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]DocWrites, 0, len(t.byDoc))
	for name, n := range t.byDoc {
		out = append(out, DocWrites{Name: name, Writes: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, t.commits
}

func (t *tally) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byDoc = map[string]int{}
	t.commits = 0
}

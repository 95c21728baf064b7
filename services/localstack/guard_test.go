package localstack

import "testing"

func TestGuards(t *testing.T) {
	cases := []struct {
		fs, ps          string
		both, firestore bool
	}{
		{"127.0.0.1:8080", "127.0.0.1:8085", true, true},
		{"localhost:8080", "", false, true},
		{"", "127.0.0.1:8085", false, false},
		{"10.0.0.8:8080", "127.0.0.1:8085", false, false},
		{"127.0.0.1:8080", "10.0.0.7:8085", false, false},
		{"firestore.googleapis.com:443", "127.0.0.1:8085", false, false},
		{"127.0.0.1", "127.0.0.1:8085", false, false},
	}
	for _, c := range cases {
		t.Setenv(FirestoreHostEnv, c.fs)
		t.Setenv(PubSubHostEnv, c.ps)
		if err := Guard(); (err == nil) != c.both {
			t.Errorf("Guard with %q, %q: %v", c.fs, c.ps, err)
		}
		if err := GuardFirestore(); (err == nil) != c.firestore {
			t.Errorf("GuardFirestore with %q: %v", c.fs, err)
		}
	}
}

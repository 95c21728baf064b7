package main

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// docView turns a Firestore document model (a struct with firestore tags) into plain
// maps, slices and values keyed by the Firestore field names. --json output uses it so
// that it holds every field of the stored document, named as in the console and in
// docs/FIRESTORE.md, and follows new fields without a second model to keep in step.
// A zero time is null; omitempty fields that are empty are left out, as Firestore does.
func docView(v any) any {
	return viewOf(reflect.ValueOf(v))
}

var timeType = reflect.TypeFor[time.Time]()

func viewOf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return viewOf(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			if t := v.Interface().(time.Time); !t.IsZero() {
				return t.UTC()
			}
			return nil
		}
		return structView(v)
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			out[fmt.Sprint(it.Key().Interface())] = viewOf(it.Value())
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = viewOf(v.Index(i))
		}
		return out
	default:
		return v.Interface()
	}
}

func structView(v reflect.Value) map[string]any {
	out := map[string]any{}
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("firestore"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if strings.Contains(opts, "omitempty") && v.Field(i).IsZero() {
			continue
		}
		out[name] = viewOf(v.Field(i))
	}
	return out
}

// docViewWith is docView of a struct document with extra fields added, such as the
// document id, which is not a field of the document itself.
func docViewWith(v any, extra map[string]any) map[string]any {
	out, _ := docView(v).(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	for k, x := range extra {
		out[k] = x
	}
	return out
}

// writeJSON prints v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

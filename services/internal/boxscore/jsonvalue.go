package boxscore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// errWrongType is the reason given when a JSON value has the wrong kind.
var errWrongType = errors.New("wrong JSON type")

// maxValueText caps how much of a rejected value an error quotes.
const maxValueText = 60

// jsonObject is a decoded JSON object that remembers its file and path, so that every
// error about one of its fields can name both.
type jsonObject struct {
	file   string
	path   string
	fields map[string]json.RawMessage
}

// decodeRoot decodes a whole file as a JSON object.
func decodeRoot(file string, body []byte) (jsonObject, error) {
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v)
		return jsonObject{}, fmt.Errorf("boxscore: %s: %w: %w", file, ErrMalformedJSON, err)
	}
	return asObject(file, "(document)", body)
}

// asObject decodes raw, found at path, as a JSON object.
func asObject(file, path string, raw json.RawMessage) (jsonObject, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return jsonObject{}, fieldErr(file, path, valueText(raw),
			fmt.Errorf("%w: want an object", errWrongType))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return jsonObject{}, fieldErr(file, path, valueText(raw), err)
	}
	return jsonObject{file: file, path: path, fields: fields}, nil
}

// asArray decodes raw, found at path, as a JSON array.
func asArray(file, path string, raw json.RawMessage) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, fieldErr(file, path, valueText(raw),
			fmt.Errorf("%w: want an array", errWrongType))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fieldErr(file, path, valueText(raw), err)
	}
	return items, nil
}

// asString decodes raw, found at path, as a JSON string (null is rejected).
func asString(file, path string, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", fieldErr(file, path, valueText(raw),
			fmt.Errorf("%w: want a string", errWrongType))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fieldErr(file, path, valueText(raw), err)
	}
	return s, nil
}

// asInt decodes raw, found at path, as a JSON integer at least min.
func asInt(file, path string, raw json.RawMessage, min int64) (int64, error) {
	raw = bytes.TrimSpace(raw)
	if !isNumber(raw) {
		return 0, fieldErr(file, path, valueText(raw),
			fmt.Errorf("%w: want an integer", errWrongType))
	}
	v, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		return 0, fieldErr(file, path, valueText(raw), fmt.Errorf("want an integer: %w", err))
	}
	if v < min {
		return 0, fieldErr(file, path, valueText(raw), fmt.Errorf("want at least %d", min))
	}
	return v, nil
}

// asFloat decodes raw, found at path, as a JSON number.
func asFloat(file, path string, raw json.RawMessage) (float64, error) {
	raw = bytes.TrimSpace(raw)
	if !isNumber(raw) {
		return 0, fieldErr(file, path, valueText(raw),
			fmt.Errorf("%w: want a number", errWrongType))
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return 0, fieldErr(file, path, valueText(raw), err)
	}
	return v, nil
}

// isNumber reports whether raw is a JSON number token.
func isNumber(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'))
}

// valueText is the rejected value as an error quotes it: a string's content, else the
// JSON text, cut to maxValueText characters.
func valueText(raw []byte) string {
	text := string(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			text = s
		}
	}
	if len(text) > maxValueText {
		text = text[:maxValueText] + "..."
	}
	return text
}

// fieldPath is the path of the field name inside o.
func (o jsonObject) fieldPath(name string) string {
	if o.path == "(document)" {
		return name
	}
	return o.path + "." + name
}

// raw returns a field's JSON text, or a FieldError wrapping ErrFieldMissing.
func (o jsonObject) raw(name string) (json.RawMessage, error) {
	raw, ok := o.fields[name]
	if !ok {
		return nil, fieldErr(o.file, o.fieldPath(name), "", ErrFieldMissing)
	}
	return raw, nil
}

// object returns a field that must be a JSON object.
func (o jsonObject) object(name string) (jsonObject, error) {
	raw, err := o.raw(name)
	if err != nil {
		return jsonObject{}, err
	}
	return asObject(o.file, o.fieldPath(name), raw)
}

// objects returns a field that must be an array of JSON objects.
func (o jsonObject) objects(name string) ([]jsonObject, error) {
	raw, err := o.raw(name)
	if err != nil {
		return nil, err
	}
	path := o.fieldPath(name)
	items, err := asArray(o.file, path, raw)
	if err != nil {
		return nil, err
	}
	out := make([]jsonObject, len(items))
	for i, item := range items {
		if out[i], err = asObject(o.file, fmt.Sprintf("%s[%d]", path, i), item); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// array returns a field that must be a JSON array.
func (o jsonObject) array(name string) ([]json.RawMessage, error) {
	raw, err := o.raw(name)
	if err != nil {
		return nil, err
	}
	return asArray(o.file, o.fieldPath(name), raw)
}

// string returns a field that must be a JSON string.
func (o jsonObject) string(name string) (string, error) {
	raw, err := o.raw(name)
	if err != nil {
		return "", err
	}
	return asString(o.file, o.fieldPath(name), raw)
}

// int returns a field that must be a JSON integer at least min.
func (o jsonObject) int(name string, min int64) (int64, error) {
	raw, err := o.raw(name)
	if err != nil {
		return 0, err
	}
	return asInt(o.file, o.fieldPath(name), raw, min)
}

// float returns a field that must be a JSON number.
func (o jsonObject) float(name string) (float64, error) {
	raw, err := o.raw(name)
	if err != nil {
		return 0, err
	}
	return asFloat(o.file, o.fieldPath(name), raw)
}

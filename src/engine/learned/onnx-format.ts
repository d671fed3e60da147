// The ONNX file format (onnx/onnx.proto): the messages of a model with one graph, read and written
// with protobufjs. protobufjs drops the fields its schema does not declare (training info, functions,
// the newest metadata), so `decodeModel` refuses a file that does not come back byte for byte.
// Node only (the CLI, tests, the build): protobufjs builds its decoders with `new Function`, which
// the app's Content-Security-Policy forbids in the browser.
import protobuf from 'protobufjs';

const SCHEMA = `
syntax = "proto2";
package onnx;
message AttributeProto {
  optional string name = 1; optional string ref_attr_name = 21; optional string doc_string = 13;
  optional int32 type = 20; optional float f = 2; optional int64 i = 3; optional bytes s = 4;
  optional TensorProto t = 5; optional GraphProto g = 6; optional SparseTensorProto sparse_tensor = 22;
  optional TypeProto tp = 14; repeated float floats = 7; repeated int64 ints = 8;
  repeated bytes strings = 9; repeated TensorProto tensors = 10; repeated GraphProto graphs = 11;
  repeated SparseTensorProto sparse_tensors = 23; repeated TypeProto type_protos = 15;
}
message ValueInfoProto { optional string name = 1; optional TypeProto type = 2; optional string doc_string = 3; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; optional string name = 3;
  optional string op_type = 4; optional string domain = 7; repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
}
message StringStringEntryProto { optional string key = 1; optional string value = 2; }
message OperatorSetIdProto { optional string domain = 1; optional int64 version = 2; }
message TensorAnnotation {
  optional string tensor_name = 1; repeated StringStringEntryProto quant_parameter_tensor_names = 2;
}
message ModelProto {
  optional int64 ir_version = 1; repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2; optional string producer_version = 3; optional string domain = 4;
  optional int64 model_version = 5; optional string doc_string = 6; optional GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}
message GraphProto {
  repeated NodeProto node = 1; optional string name = 2; repeated TensorProto initializer = 5;
  repeated SparseTensorProto sparse_initializer = 15; optional string doc_string = 10;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13; repeated TensorAnnotation quantization_annotation = 14;
}
message TensorProto {
  message Segment { optional int64 begin = 1; optional int64 end = 2; }
  repeated int64 dims = 1; optional int32 data_type = 2; optional Segment segment = 3;
  repeated float float_data = 4 [packed = true]; repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6; repeated int64 int64_data = 7 [packed = true];
  optional string name = 8; optional string doc_string = 12; optional bytes raw_data = 9;
  repeated StringStringEntryProto external_data = 13; optional int32 data_location = 14;
  repeated double double_data = 10 [packed = true]; repeated uint64 uint64_data = 11 [packed = true];
}
message SparseTensorProto { optional TensorProto values = 1; optional TensorProto indices = 2; repeated int64 dims = 3; }
message TensorShapeProto {
  message Dimension { optional int64 dim_value = 1; optional string dim_param = 2; optional string denotation = 3; }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; }
  message Sequence { optional TypeProto elem_type = 1; }
  message Map { optional int32 key_type = 1; optional TypeProto value_type = 2; }
  message Optional { optional TypeProto elem_type = 1; }
  message SparseTensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; }
  optional Tensor tensor_type = 1; optional Sequence sequence_type = 4; optional Map map_type = 5;
  optional Optional optional_type = 9; optional SparseTensor sparse_tensor_type = 8;
  optional string denotation = 6;
}
`;

/** An int64 as protobufjs decodes it (a Long) or as we write it (a number). */
export type Int64 = number | { toNumber(): number };

export interface OnnxTensor {
  dims: Int64[];
  /** TensorProto.DataType: 1 is float32. */
  dataType: number;
  rawData?: Uint8Array;
  floatData?: number[];
  name?: string;
}

export interface OnnxAttribute {
  name: string;
  /** AttributeProto.AttributeType: 1 float, 2 int, 4 tensor, 7 ints. */
  type?: number;
  f?: number;
  i?: Int64;
  ints?: Int64[];
  t?: OnnxTensor;
}

export interface OnnxNode {
  input: string[];
  output: string[];
  name?: string;
  opType: string;
  domain?: string;
  attribute: OnnxAttribute[];
}

export interface OnnxGraph {
  node: OnnxNode[];
  initializer: OnnxTensor[];
  input: { name: string }[];
  output: { name: string }[];
}

export interface OnnxModel {
  graph: OnnxGraph;
}

let modelType: protobuf.Type | undefined;
const model = () => (modelType ??= protobuf.parse(SCHEMA).root.lookupType('onnx.ModelProto'));

/**
 * Parses an ONNX model file. Throws protobufjs's error on bytes that are not one, and an Error when
 * the file holds fields this schema does not declare (writing it back would lose them).
 */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  const m = model().decode(bytes) as unknown as OnnxModel;
  const again = encodeModel(m);
  let same = again.length === bytes.length;
  for (let i = 0; same && i < bytes.length; i++) same = again[i] === bytes[i];
  if (!same) throw new Error('the model holds ONNX fields this reader does not know');
  return m;
}

/** Writes a model back to the ONNX file format. */
export function encodeModel(m: OnnxModel): Uint8Array {
  return model()
    .encode(m as unknown as protobuf.Message)
    .finish();
}

export const int64 = (v: Int64 | undefined | null): number =>
  v == null ? 0 : typeof v === 'number' ? v : v.toNumber();

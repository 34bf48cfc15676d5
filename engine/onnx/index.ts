// ONNX export: exportOnnx turns a trained model into .onnx bytes; readOnnxHeader reads an exported
// file's opset and metadata back. See docs/onnx.md for what each layer type becomes.

export {
  type ExportableModel,
  exportOnnx,
  INPUT_NAME,
  LOGITS_NAME,
  ONNX_IR_VERSION,
  ONNX_OPSET,
  ONNX_PRODUCER,
  type OnnxExportOptions,
  type OnnxMeta,
  PROBABILITIES_NAME,
} from './export';
export {
  exportableLayerTypes,
  type LayerMapper,
  type MapContext,
  type Mapped,
  registerOnnxMapper,
} from './mappers';
export { type OnnxHeader, readOnnxHeader } from './protobuf-reader';

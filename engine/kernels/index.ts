// Kernels: the hot loops layers are built on (GEMM, im2col/col2im, elementwise helpers).

export * from './elementwise';
export * from './gemm';
export * from './im2col';

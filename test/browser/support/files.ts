/** Files a creator uploads in the browser tests: real bytes, as the server checks them. */

/** A real 16×16 PNG (a violet gradient), as a creator's photo would be. */
export const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAB20lEQVR42gXBkRaAMABA0T4sCIJBEAwGwWAQBIPBKBpFURRFo9FoNOo8GPVF3dv5nr0n9Bw9Z8/Vc/c8PbEn9eSe0lN73p7W8/V0fmAfCAPHwDlwDdwDz0AcSAN5oAzUgXegDXwDnR/ZR8LIMXKOXCP3yDMSR9JIHikjdeQdaSPfSOcFuyAIDsEpuAS34BFEQRJkQRFUwStogk/Q+Yl9IkwcE+fENXFPPBNxIk3kiTJRJ96JNvFNdH5mnwkzx8w5c83cM89MnEkzeabM1Jl3ps18M52X7JIgOSSn5JLckkcSJUmSJUVSJa+kST5J5xW7IigOxam4FLfiUURFUmRFUVTFq2iKT9H5hX0hLBwL58K1cC88C3EhLeSFslAX3oW28C10XrNrgubQnJpLc2seTdQkTdYUTdW8mqb5NJ037IZgOAyn4TLchscQDcmQDcVQDa+hGT5D51f2lbByrJwr18q98qzElbSSV8pKXXlX2sq30vmNfSNsHBvnxrVxbzwbcSNt5I2yUTfejbbxbXTesluC5bCclstyWx5LtCRLthRLtbyWZvksnXfsjuA4HKfjctyOxxEdyZEdxVEdr6M5PkfnPbsneA7P6bk8t+fxRE/yZE/xVM/raZ7P8wP8SscQcncdhAAAAABJRU5ErkJggg==',
  'base64',
);

export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

package io.fieldlink.firmware.jvm.modbus;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** A j2mod process image with 32 holding and 32 input registers, all zero, for test slaves. */
final class ModbusSlaveSim {
    final SimpleProcessImage image = new SimpleProcessImage(1);

    ModbusSlaveSim() {
        for (int i = 0; i < 32; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
        }
    }

    ModbusSlaveSim holding(int address, int value) {
        image.getRegister(address).setValue(value);
        return this;
    }

    ModbusSlaveSim input(int address, int value) {
        ((SimpleInputRegister) image.getInputRegister(address)).setValue(value);
        return this;
    }
}
